import { escapeHtml } from '@kitajs/html';
import type Html from '@kitajs/html';
import type { PageContext } from '../page.js';
import { fieldId, type FormError } from './errors.js';

/** A hidden field as a name/value pair. */
export type FormField = readonly [name: string, value: string];

/** Errors of the form by field key. */
export type ErrorMap = ReadonlyMap<string, FormError>;

export function errorMap(errors: ReadonlyArray<FormError>): ErrorMap {
  return new Map(errors.map((e) => [e.key, e]));
}

/**
 * Text for a value attribute. kitajs escapes only the quote in attributes; a
 * typed "&amp;" would come back from the browser as "&" on the next step, so
 * & (and < >, for good measure) are written as entities too.
 */
export function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ') || undefined;

/** DKFDS error text beside a field; screen readers hear "Fejl:" first. */
export function ErrorMessage({ page, id, message }: { page: PageContext; id: string; message: string }): JSX.Element {
  return (
    <span class="form-error-message" id={id}>
      <span class="sr-only" safe>
        {page.t('signup.errors.label')}
      </span>{' '}
      {escapeHtml(message)}
    </span>
  );
}

function LabelText({
  page,
  label,
  optional,
  required,
}: {
  page: PageContext;
  label: string;
  optional?: boolean | undefined;
  required?: boolean | undefined;
}): JSX.Element {
  return (
    <>
      {escapeHtml(label)}
      {optional ? <span class="tilmeld-field-note" safe>{` ${page.t('signup.optional')}`}</span> : ''}
      {required ? <span class="tilmeld-field-note" safe>{` ${page.t('signup.required')}`}</span> : ''}
    </>
  );
}

export interface TextFieldProps {
  page: PageContext;
  /** Field key, e.g. 'payer.cvr'; the element's id comes from it. */
  field: string;
  name: string;
  label: string;
  value: string;
  errors: ErrorMap;
  hint?: string | undefined;
  optional?: boolean | undefined;
  required?: boolean | undefined;
  type?: 'text' | 'email' | 'tel' | undefined;
  multiline?: boolean | undefined;
  maxLength: number;
  autocomplete?: string | undefined;
  inputmode?: 'numeric' | 'email' | 'tel' | 'text' | undefined;
  width?: 'xs' | 's' | 'm' | 'l' | 'xl' | undefined;
  autofocus?: boolean | undefined;
}

/** A labelled DKFDS text input or textarea with its hint and error. */
export function TextField(p: TextFieldProps): JSX.Element {
  const id = fieldId(p.field);
  const error = p.errors.get(p.field);
  const hintId = p.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const common = {
    id,
    name: p.name,
    'aria-describedby': describedBy(hintId, errorId),
    'aria-invalid': error ? 'true' : undefined,
    'aria-required': p.optional ? undefined : 'true',
  };
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={id}>
        <LabelText page={p.page} label={p.label} optional={p.optional} required={p.required} />
      </label>
      {p.hint ? (
        <span class="form-hint" id={hintId} safe>
          {p.hint}
        </span>
      ) : (
        ''
      )}
      {error ? <ErrorMessage page={p.page} id={errorId!} message={error.message} /> : ''}
      {p.multiline ? (
        <textarea class="form-input" rows="4" maxlength={p.maxLength} {...common} autofocus={p.autofocus} safe>
          {p.value}
        </textarea>
      ) : (
        <input
          class={p.width ? `form-input input-width-${p.width}` : 'form-input'}
          type={p.type ?? 'text'}
          value={attr(p.value)}
          maxlength={p.maxLength}
          autocomplete={p.autocomplete}
          inputmode={p.inputmode}
          spellcheck={p.type === 'email' ? 'false' : undefined}
          autofocus={p.autofocus}
          {...common}
        />
      )}
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  checked: boolean;
  disabled?: boolean | undefined;
  /** Extra text after the label, such as a price. */
  note?: string | undefined;
}

export interface ChoiceGroupProps {
  page: PageContext;
  field: string;
  name: string;
  legend: string;
  kind: 'checkbox' | 'radio';
  choices: ReadonlyArray<Choice>;
  errors: ErrorMap;
  hint?: string | undefined;
  optional?: boolean | undefined;
  required?: boolean | undefined;
}

/**
 * Radios or checkboxes in a fieldset. The first choice carries the field's id,
 * so a link from the error summary lands on it.
 */
export function ChoiceGroup(p: ChoiceGroupProps): JSX.Element {
  const id = fieldId(p.field);
  const error = p.errors.get(p.field);
  const hintId = p.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={describedBy(hintId, errorId)}>
        <legend class="form-label">
          <LabelText page={p.page} label={p.legend} optional={p.optional} required={p.required} />
        </legend>
        {p.hint ? (
          <span class="form-hint" id={hintId} safe>
            {p.hint}
          </span>
        ) : (
          ''
        )}
        {error ? <ErrorMessage page={p.page} id={errorId!} message={error.message} /> : ''}
        {p.choices.map((c, i) => {
          const choiceId = i === 0 ? id : `${id}-${i}`;
          return (
            <div class={p.kind === 'checkbox' ? 'form-group-checkbox' : 'form-group-radio'}>
              <input
                type={p.kind}
                class={p.kind === 'checkbox' ? 'form-checkbox' : 'form-radio'}
                id={choiceId}
                name={p.name}
                value={attr(c.value)}
                checked={c.checked}
                disabled={c.disabled}
                aria-invalid={error ? 'true' : undefined}
              />
              <label class="form-label" for={choiceId}>
                {escapeHtml(c.label)}
                {c.note ? <span class="tilmeld-field-note" safe>{` – ${c.note}`}</span> : ''}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

/** One checkbox with its label, hint and error (consent, terms). */
export function SingleCheckbox(p: {
  page: PageContext;
  field: string;
  name: string;
  label: string;
  checked: boolean;
  errors: ErrorMap;
  /** Already escaped: may hold a link. */
  hint?: Html.Children;
}): JSX.Element {
  const id = fieldId(p.field);
  const error = p.errors.get(p.field);
  const hintId = p.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      {error ? <ErrorMessage page={p.page} id={errorId!} message={error.message} /> : ''}
      <div class="form-group-checkbox">
        <input
          type="checkbox"
          class="form-checkbox"
          id={id}
          name={p.name}
          value="1"
          checked={p.checked}
          aria-describedby={describedBy(hintId, errorId)}
          aria-invalid={error ? 'true' : undefined}
        />
        <label class="form-label" for={id} safe>
          {p.label}
        </label>
        {hintId ? (
          <span class="form-hint tilmeld-checkbox-hint" id={hintId}>
            {p.hint}
          </span>
        ) : (
          ''
        )}
      </div>
    </div>
  );
}

/** Data of the other steps, carried forward unchanged. */
export function HiddenFields({ fields }: { fields: ReadonlyArray<FormField> }): JSX.Element {
  return (
    <>
      {fields.map(([name, value]) => (
        <input type="hidden" name={attr(name)} value={attr(value)} />
      ))}
    </>
  );
}
