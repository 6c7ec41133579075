import { ErrorMessage } from '../forms/fields.js';
import type { FormError } from '../forms/errors.js';
import type { PageContext } from '../page.js';

/** A list filter's element id: the query name with "filter-" before it, so it never clashes with the page's own ids. */
const filterId = (name: string) => `filter-${name}`;

const describedBy = (...ids: Array<string | undefined>) => ids.filter(Boolean).join(' ') || undefined;

/** A labelled filter of a back-office list, with its hint and its error (the error's id is the filter's). */
export function FilterField({
  page,
  name,
  label,
  hint,
  errors,
  children,
}: {
  page: PageContext;
  name: string;
  label: string;
  hint?: string;
  errors: ReadonlyArray<FormError>;
  children: JSX.Element;
}): JSX.Element {
  const id = filterId(name);
  const error = errors.find((e) => e.id === id);
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={id} safe>
        {label}
      </label>
      {hint ? (
        <span class="form-hint" id={`${id}-hint`} safe>
          {hint}
        </span>
      ) : (
        ''
      )}
      {error ? <ErrorMessage page={page} id={`${id}-error`} message={error.message} /> : ''}
      {children}
    </div>
  );
}

/** id, name and the ARIA attributes of the input or select inside a FilterField. */
export function filterInputProps(name: string, errors: ReadonlyArray<FormError>, hint: boolean) {
  const id = filterId(name);
  const error = errors.some((e) => e.id === id);
  return {
    id,
    name,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined),
  };
}
