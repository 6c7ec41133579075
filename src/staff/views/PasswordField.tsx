import type { PageContext } from '../../web/page.js';
import { ErrorMessage, type ErrorMap } from '../../web/forms/fields.js';

/** A DKFDS password input with its hint and error; the value is never written back into the page. */
export function PasswordField(p: {
  page: PageContext;
  id: string;
  name: string;
  label: string;
  errors: ErrorMap;
  autocomplete: 'current-password' | 'new-password' | 'one-time-code';
  hint?: string | undefined;
  numeric?: boolean;
}): JSX.Element {
  const error = p.errors.get(p.id);
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  const errorId = error ? `${p.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={p.id} safe>
        {p.label}
      </label>
      {p.hint ? (
        <span class="form-hint" id={hintId} safe>
          {p.hint}
        </span>
      ) : (
        ''
      )}
      {error ? <ErrorMessage page={p.page} id={errorId!} message={error.message} /> : ''}
      <input
        class={p.numeric ? 'form-input input-width-s' : 'form-input input-width-l'}
        type={p.numeric ? 'text' : 'password'}
        inputmode={p.numeric ? 'numeric' : undefined}
        id={p.id}
        name={p.name}
        autocomplete={p.autocomplete}
        maxlength={1000}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
        aria-required="true"
      />
    </div>
  );
}
