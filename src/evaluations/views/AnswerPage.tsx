import type { FormError } from '../../web/forms/errors.js';
import { ChoiceGroup, errorMap, TextField } from '../../web/forms/fields.js';
import { ErrorSummary } from '../../web/forms/ErrorSummary.js';
import { PrivateLayout } from '../../registrations/index.js';
import type { PageContext } from '../../web/page.js';
import { CsrfField } from '../../web/views/CsrfField.js';
import { answerField, ANSWER_TEXT_MAX, questionLabel, scaleOf, type Question } from '../questions.js';

export interface AnswerFormProps {
  page: PageContext;
  title: string;
  action: string;
  csrfToken: string;
  questions: Question[];
  /** What was posted, to show again with the errors. */
  values: Record<string, string>;
  errors: FormError[];
}

/** The evaluation form: one radio group per scale (with "don't know"), a text area per free-text question. */
export function AnswerFormPage({ page, title, action, csrfToken, questions, values, errors }: AnswerFormProps): JSX.Element {
  const { t, locale } = page;
  const heading = t('evaluations.form.title', { event: title });
  const map = errorMap(errors);
  return (
    <PrivateLayout page={page} title={(errors.length > 0 ? t('signup.errorPrefix') : '') + heading}>
      <h1 safe>{heading}</h1>
      <p class="font-lead" safe>
        {t('evaluations.form.lede')}
      </p>
      {errors.length > 0 ? <ErrorSummary page={page} errors={errors} /> : ''}
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        {questions.map((q) => {
          const field = answerField(q.key);
          const label = questionLabel(q, locale);
          const scale = scaleOf(q.kind);
          if (!scale) {
            return (
              <TextField
                page={page}
                field={field}
                name={field}
                label={label}
                value={values[field] ?? ''}
                errors={map}
                multiline
                maxLength={ANSWER_TEXT_MAX}
                optional
              />
            );
          }
          const chosen = values[field] ?? '';
          const scores = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => String(scale.min + i));
          return (
            <ChoiceGroup
              page={page}
              field={field}
              name={field}
              legend={label}
              kind="radio"
              hint={t(q.kind === 'nps' ? 'evaluations.form.npsHint' : 'evaluations.form.scaleHint')}
              errors={map}
              choices={[
                ...scores.map((s) => ({ value: s, label: s, checked: chosen === s })),
                { value: '', label: t('evaluations.form.noAnswer'), checked: !scores.includes(chosen) },
              ]}
            />
          );
        })}
        <button type="submit" class="button button-primary" safe>
          {t('evaluations.form.submit')}
        </button>
      </form>
    </PrivateLayout>
  );
}

/** Thanks, already answered, or an unknown link: a heading and one paragraph. */
export function AnswerMessagePage({ page, heading, body, status }: { page: PageContext; heading: string; body: string; status?: boolean }): JSX.Element {
  return (
    <PrivateLayout page={page} title={heading}>
      <h1 tabindex="-1" data-focus-on-load={status ? '' : undefined} safe>
        {heading}
      </h1>
      <p class="font-lead" role={status ? 'status' : undefined} safe>
        {body}
      </p>
    </PrivateLayout>
  );
}
