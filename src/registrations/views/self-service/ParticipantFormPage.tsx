import type { PageContext } from '../../../web/page.js';
import { paths } from '../../../web/paths.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import { LIMITS } from '../../registration.schema.js';
import { registrationMessage } from '../../registrations.messages.js';
import type { Booking } from '../../self-service.service.js';
import { NO, YES, type ParticipantDraft } from '../../signup-form.js';
import type { FormError } from '../../signup-steps.js';
import { ChoiceGroup, errorMap, TextField } from '../fields.js';
import { ErrorSummary } from '../SignupShell.js';
import { PrivateLayout } from './parts.js';

export interface ParticipantFormProps {
  page: PageContext;
  booking: Booking;
  participant: Booking['registration']['participants'][number];
  action: 'edit' | 'replace';
  draft: ParticipantDraft;
  errors: ReadonlyArray<FormError>;
  csrfToken: string;
}

/** Change a participant's details and answers, or put a colleague in their place: the sign-up's fields, the same rules. */
export function ParticipantFormPage(p: ParticipantFormProps): JSX.Element {
  const { page, booking, participant, action, draft } = p;
  const { t, locale } = page;
  const errors = errorMap(p.errors);
  const base = 'participants.0';
  const name = (f: string) => `participants[0][${f}]`;
  const text = (f: 'name' | 'email' | 'jobTitle' | 'workplace' | 'phone' | 'diet' | 'accessibilityNeeds') => ({
    page,
    field: `${base}.${f}`,
    name: name(f),
    value: draft[f],
    errors,
    label: registrationMessage(locale, `registration.field.participant.${f}`),
  });
  const title = t(action === 'edit' ? 'selfService.form.editTitle' : 'selfService.form.replaceTitle', { name: participant.name });
  const addOns = participant.addOns.filter((a) => a.status === 'reserved' || a.status === 'requested').map((a) => (locale === 'da' ? a.nameDa : a.nameEn));
  return (
    <PrivateLayout
      page={page}
      title={(p.errors.length > 0 ? t('signup.errorPrefix') : '') + title}
      crumbs={[{ label: t('selfService.breadcrumb'), href: paths.booking(locale, booking.token) }, { label: title }]}
    >
      <h1 safe>{title}</h1>
      {p.errors.length > 0 ? <ErrorSummary page={page} errors={p.errors} /> : ''}
      <p safe>{action === 'edit' ? t('selfService.form.editIntro') : t('selfService.form.replaceIntro', { name: participant.name })}</p>
      {action === 'replace' && addOns.length > 0 ? <p safe>{t('selfService.form.addOnsKept', { addOns: addOns.join(', ') })}</p> : ''}
      <form method="post" action={paths.bookingParticipant(locale, booking.token, participant.id, action)} novalidate id="signup-form">
        <CsrfField token={p.csrfToken} />
        <fieldset>
          <legend class="sr-only" safe>
            {t('selfService.form.legend')}
          </legend>
          <TextField {...text('name')} maxLength={LIMITS.name} autocomplete="off" />
          <TextField {...text('email')} type="email" maxLength={LIMITS.email} autocomplete="off" />
          <TextField {...text('jobTitle')} maxLength={LIMITS.jobTitle} autocomplete="off" />
          <TextField {...text('workplace')} maxLength={LIMITS.workplace} />
          <TextField {...text('phone')} type="tel" optional maxLength={LIMITS.phone} autocomplete="off" width="m" />
          <TextField {...text('diet')} optional multiline hint={t('signup.participant.dietHint')} maxLength={LIMITS.diet} />
          <TextField {...text('accessibilityNeeds')} optional multiline hint={t('signup.participant.accessibilityHint')} maxLength={LIMITS.accessibilityNeeds} />
          {booking.questions.map((q) => {
            const key = String(q.id);
            const answer = draft.answers[key];
            const field = `${base}.answers.${key}`;
            const answerName = `participants[0][answers][${key}]`;
            const legend = locale === 'da' ? q.labelDa : q.labelEn;
            const marks = { optional: !q.required, required: q.required };
            if (q.kind === 'text') {
              return (
                <TextField page={page} field={field} name={answerName} value={typeof answer === 'string' ? answer : ''} errors={errors} label={legend} multiline maxLength={LIMITS.answerText} {...marks} />
              );
            }
            if (q.kind === 'yesno') {
              return (
                <ChoiceGroup
                  page={page} field={field} name={answerName} legend={legend} kind="radio" errors={errors} {...marks}
                  choices={[
                    { value: YES, label: t('signup.answer.yes'), checked: answer === true },
                    { value: NO, label: t('signup.answer.no'), checked: answer === false },
                  ]}
                />
              );
            }
            const multiple = q.kind === 'multiple';
            return (
              <ChoiceGroup
                page={page} field={field} name={multiple ? `${answerName}[]` : answerName} legend={legend}
                kind={multiple ? 'checkbox' : 'radio'} errors={errors} {...marks}
                choices={q.options.map((o) => ({
                  value: o.value,
                  label: locale === 'da' ? o.da : o.en,
                  checked: multiple ? Array.isArray(answer) && answer.includes(o.value) : answer === o.value,
                }))}
              />
            );
          })}
        </fieldset>
        <div class="tilmeld-form-actions">
          <button type="submit" class="button button-primary" safe>
            {t(action === 'edit' ? 'selfService.form.save' : 'selfService.form.replace')}
          </button>
          <a href={paths.booking(locale, booking.token)} class="button button-secondary" safe>
            {t('selfService.form.cancel')}
          </a>
        </div>
      </form>
    </PrivateLayout>
  );
}
