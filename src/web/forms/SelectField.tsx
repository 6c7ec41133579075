import { escapeHtml } from '@kitajs/html';
import type { PageContext } from '../page.js';
import { attr, ErrorMessage } from './fields.js';

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled DKFDS select with its hint and error; `error` and `hint` are plain text. */
export function SelectField(p: {
  page: PageContext;
  id: string;
  name: string;
  label: string;
  options: ReadonlyArray<SelectOption>;
  value: string;
  hint?: string | undefined;
  error?: string | undefined;
  autofocus?: boolean | undefined;
  /** Data attributes for a page script, e.g. `{ 'data-inclusion-kind': '' }`. */
  data?: Record<`data-${string}`, string> | undefined;
}): JSX.Element {
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  const errorId = p.error ? `${p.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={p.error ? 'form-group form-error' : 'form-group'}>
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
      {p.error ? <ErrorMessage page={p.page} id={errorId!} message={p.error} /> : ''}
      <select
        class="form-select"
        id={p.id}
        name={p.name}
        autofocus={p.autofocus === true}
        {...p.data}
        aria-describedby={describedBy}
        aria-invalid={p.error ? 'true' : undefined}
      >
        {p.options.map((o) => (
          <option value={attr(o.value)} selected={o.value === p.value}>
            {escapeHtml(o.label)}
          </option>
        ))}
      </select>
    </div>
  );
}
