import type { FormError } from '../forms/errors.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import type { PageContext } from '../page.js';

export { ErrorSummary };

/** A green confirmation after a change (role=status, so screen readers hear it). */
export function SuccessNotice({ text }: { text: string }): JSX.Element {
  return (
    <div class="alert alert-success" role="status">
      <div class="alert-body">
        <p class="alert-text" safe>
          {text}
        </p>
      </div>
    </div>
  );
}

/** The error summary when there are errors, nothing otherwise. */
export function Errors({ page, errors }: { page: PageContext; errors: ReadonlyArray<FormError> }): JSX.Element {
  return errors.length > 0 ? <ErrorSummary page={page} errors={errors} /> : <></>;
}

/** "Fejl: " before the title of a page that shows form errors. */
export function titleWithErrors(page: PageContext, title: string, errors: ReadonlyArray<unknown>): string {
  return (errors.length > 0 ? page.t('signup.errorPrefix') : '') + title;
}
