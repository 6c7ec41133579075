import { escapeHtml } from '@kitajs/html';
import type { PageContext } from '../../../web/page.js';
import { paths } from '../../../web/paths.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import { formatDate } from '../../../lib/dates.js';
import { formatMoney } from '../../../lib/money.js';
import { dateTime } from '../../../lib/dates.js';
import { LIMITS } from '../registration.schema.js';
import { registrationMessage, type RegistrationMessageKey } from '../../registrations.messages.js';
import { freeCancellationEnds } from '../../changes/cancellation.js';
import type { EventSignup } from '../event-signup.js';
import { NO, toFormFields, YES, type ParticipantDraft, type SignupDraft } from '../signup-form.js';
import { asksForRoomMate, hasDoubleRoom } from '../room-mate.js';
import type { FormError } from '../../../web/forms/errors.js';
import type { PricePreview, Step } from '../signup-steps.js';
import { attr, ChoiceGroup, errorMap, HiddenFields, SingleCheckbox, TextField, type ErrorMap } from '../../../web/forms/fields.js';
import { Notice } from '../../../web/forms/ErrorSummary.js';
import { SignupShell } from './SignupShell.js';
import { AddOnChoices, addOnName, roomMateHint } from './AddOnChoices.js';
import { PriceLinesTable } from './PriceLinesTable.js';

export interface StepViewProps {
  page: PageContext;
  signup: EventSignup;
  draft: SignupDraft;
  errors: ReadonlyArray<FormError>;
  csrfToken: string;
  /** Participants step: the participant whose first field takes focus (just added). */
  focusParticipant?: number | undefined;
  /** Participants step: the number (1-based) of a participant just removed. */
  removed?: number | undefined;
  /** Confirm step. */
  submissionKey?: string | undefined;
  preview?: PricePreview | undefined;
}

const label = (page: PageContext, key: RegistrationMessageKey) => registrationMessage(page.locale, key);

/** The form around a step's fields: CSRF token, the step shown, and an invisible default button first (Enter in a text field means "Næste", not "Fjern"). */
function StepForm({
  page,
  signup,
  step,
  defaultAction,
  children,
}: {
  page: PageContext;
  signup: EventSignup;
  step: Step;
  defaultAction?: string;
  children: JSX.Element;
}): JSX.Element {
  return (
    <form method="post" action={paths.signup(page.locale, signup.event.slug)} novalidate id="signup-form" class="tilmeld-signup-form">
      {defaultAction ? (
        <button type="submit" name="action" value={defaultAction} class="sr-only" tabindex="-1" aria-hidden="true" safe>
          {page.t('signup.next')}
        </button>
      ) : (
        ''
      )}
      <input type="hidden" name="step" value={String(step)} />
      {children}
    </form>
  );
}

function Buttons({ page, back, next }: { page: PageContext; back: boolean; next: 'next' | 'submit' }): JSX.Element {
  return (
    <div class="tilmeld-form-actions">
      {back ? (
        <button type="submit" name="action" value="back" class="button button-secondary" safe>
          {page.t('signup.back')}
        </button>
      ) : (
        ''
      )}
      <button type="submit" name="action" value={next} class="button button-primary" safe>
        {page.t(next === 'submit' ? 'signup.submit' : 'signup.next')}
      </button>
    </div>
  );
}

/** When seats are gone or others already wait, say so before anyone types a name. */
function WaitingListNotice({ page, signup }: { page: PageContext; signup: EventSignup }): JSX.Element {
  const { t } = page;
  const e = signup.event;
  if (e.seatsAvailable > 0 && e.waitingListLength === 0) return '';
  return (
    <Notice kind="warning" heading={t('signup.full.title')}>
      <p safe>{t(e.seatsAvailable === 0 ? 'signup.full.body' : 'signup.queue.body')}</p>
    </Notice>
  );
}

/** The booker's and the payer's fields of the sign-up, also used where staff book for someone. */
export function PayerFields({ page, draft, errors }: { page: PageContext; draft: SignupDraft; errors: ErrorMap }): JSX.Element {
  const { t } = page;
  const payer = draft.payer;
  const field = (name: keyof typeof payer) => ({ page, field: `payer.${name}`, name: `payer[${name}]`, value: payer[name], errors });
  return (
    <>
      <fieldset>
        <legend class="h3" safe>
          {t('signup.booker.legend')}
        </legend>
        <TextField
          page={page}
          field="booker.name"
          name="booker[name]"
          value={draft.booker.name}
          errors={errors}
          label={label(page, 'registration.field.booker.name')}
          maxLength={LIMITS.name}
          autocomplete="name"
        />
        <TextField
          page={page}
          field="booker.email"
          name="booker[email]"
          value={draft.booker.email}
          errors={errors}
          label={label(page, 'registration.field.booker.email')}
          hint={t('signup.booker.emailHint')}
          type="email"
          maxLength={LIMITS.email}
          autocomplete="email"
        />
      </fieldset>
      <h3 safe>{t('signup.payer.legend')}</h3>
      <p safe>{t('signup.payer.intro')}</p>
      <TextField
        {...field('organisation')}
        label={label(page, 'registration.field.payer.organisation')}
        maxLength={LIMITS.organisation}
        autocomplete="organization"
      />
      <TextField
        {...field('cvr')}
        label={label(page, 'registration.field.payer.cvr')}
        hint={t('signup.payer.cvrHint')}
        optional
        maxLength={20}
        inputmode="numeric"
        width="s"
      />
      <TextField
        {...field('ean')}
        label={label(page, 'registration.field.payer.ean')}
        hint={t('signup.payer.eanHint')}
        optional
        maxLength={30}
        inputmode="numeric"
        width="m"
      />
      <TextField
        {...field('personReference')}
        label={label(page, 'registration.field.payer.personReference')}
        hint={t('signup.payer.personReferenceHint')}
        optional
        maxLength={LIMITS.reference}
      />
      <TextField
        {...field('poNumber')}
        label={label(page, 'registration.field.payer.poNumber')}
        hint={t('signup.payer.poNumberHint')}
        optional
        maxLength={LIMITS.reference}
      />
      <TextField {...field('address')} label={label(page, 'registration.field.payer.address')} maxLength={LIMITS.address} autocomplete="street-address" />
      <TextField
        {...field('postalCode')}
        label={label(page, 'registration.field.payer.postalCode')}
        maxLength={LIMITS.postalCode}
        autocomplete="postal-code"
        width="xs"
      />
      <TextField {...field('city')} label={label(page, 'registration.field.payer.city')} maxLength={LIMITS.city} autocomplete="address-level2" />
      <TextField
        {...field('countryCode')}
        label={label(page, 'registration.field.payer.countryCode')}
        hint={t('signup.payer.countryCodeHint')}
        optional
        maxLength={2}
        width="xs"
        autocomplete="country"
      />
      <TextField
        {...field('email')}
        label={label(page, 'registration.field.payer.email')}
        hint={t('signup.payer.emailHint')}
        type="email"
        maxLength={LIMITS.email}
      />
    </>
  );
}

export function PayerStep(p: StepViewProps): JSX.Element {
  const { page, signup, draft } = p;
  const { t } = page;
  const errors = errorMap(p.errors);
  return (
    <SignupShell page={page} event={signup.event} step={1} errors={p.errors} focusHeading>
      <WaitingListNotice page={page} signup={signup} />
      <StepForm page={page} signup={signup} step={1} defaultAction="next">
        <>
          <CsrfField token={p.csrfToken} />
          <HiddenFields fields={toFormFields(draft, 'participants')} />
          <HiddenFields fields={toFormFields(draft, 'confirm')} />
          <PayerFields page={page} draft={draft} errors={errors} />
          <Buttons page={page} back={false} next="next" />
          <p>
            <a href={paths.event(page.locale, signup.event.slug)} class="function-link" safe>
              {t('signup.toEvent')}
            </a>
          </p>
        </>
      </StepForm>
    </SignupShell>
  );
}

/** "Jeg deltager selv" above the first participant; signup.js fills the fields from the data attributes as it is ticked. */
function BookerParticipates({ page, draft, errors }: { page: PageContext; draft: SignupDraft; errors: ErrorMap }): JSX.Element {
  return (
    <div data-booker-participates data-booker-name={attr(draft.booker.name)} data-booker-email={attr(draft.booker.email)}>
      <SingleCheckbox
        page={page}
        field="bookerParticipates"
        name="bookerParticipates"
        label={page.t('signup.bookerParticipates')}
        hint={escapeHtml(page.t('signup.bookerParticipatesHint'))}
        checked={draft.bookerParticipates}
        errors={errors}
      />
    </div>
  );
}

export function ParticipantFields({
  page,
  signup,
  participant,
  index,
  count,
  errors,
  focus,
  draft,
}: {
  page: PageContext;
  signup: EventSignup;
  draft: SignupDraft;
  participant: ParticipantDraft;
  index: number;
  count: number;
  errors: ErrorMap;
  focus: boolean;
}): JSX.Element {
  const { t, locale } = page;
  const n = index + 1;
  const base = `participants.${index}`;
  const name = (f: string) => `participants[${index}][${f}]`;
  const answerName = (key: string) => `participants[${index}][answers][${key}]`;
  const text = (f: 'name' | 'email' | 'jobTitle' | 'workplace' | 'phone' | 'diet' | 'accessibilityNeeds' | 'roomMate') => ({
    page,
    field: `${base}.${f}`,
    name: name(f),
    value: participant[f],
    errors,
    label: label(page, `registration.field.participant.${f}`),
  });
  return (
    <fieldset class="tilmeld-participant" id={`participant-${n}`}>
      <legend class="h3" safe>
        {t('signup.participant.legend', { n })}
      </legend>
      {index === 0 ? <BookerParticipates page={page} draft={draft} errors={errors} /> : ''}
      <TextField {...text('name')} maxLength={LIMITS.name} autocomplete={index === 0 ? 'name' : 'off'} autofocus={focus} />
      <TextField {...text('email')} type="email" maxLength={LIMITS.email} autocomplete={index === 0 ? 'email' : 'off'} />
      <TextField {...text('jobTitle')} maxLength={LIMITS.jobTitle} autocomplete={index === 0 ? 'organization-title' : 'off'} />
      <TextField {...text('workplace')} maxLength={LIMITS.workplace} />
      <TextField {...text('phone')} type="tel" optional maxLength={LIMITS.phone} autocomplete={index === 0 ? 'tel' : 'off'} width="m" />
      <TextField {...text('diet')} optional multiline hint={t('signup.participant.dietHint')} maxLength={LIMITS.diet} />
      <TextField {...text('accessibilityNeeds')} optional multiline hint={t('signup.participant.accessibilityHint')} maxLength={LIMITS.accessibilityNeeds} />
      <AddOnChoices page={page} offer={signup} index={index} selected={participant.addOns} errors={errors} />
      {asksForRoomMate(signup.doubleRoom) ? (
        <TextField {...text('roomMate')} optional hint={roomMateHint(page, signup)} maxLength={LIMITS.roomMate} autocomplete="off" />
      ) : (
        ''
      )}
      {signup.questions.map((q) => {
        const key = String(q.id);
        const answer = participant.answers[key];
        const field = `${base}.answers.${key}`;
        const legend = locale === 'da' ? q.labelDa : q.labelEn;
        const marks = { optional: !q.required, required: q.required };
        if (q.kind === 'text') {
          return (
            <TextField
              page={page}
              field={field}
              name={answerName(key)}
              value={typeof answer === 'string' ? answer : ''}
              errors={errors}
              label={legend}
              multiline
              maxLength={LIMITS.answerText}
              {...marks}
            />
          );
        }
        if (q.kind === 'yesno') {
          return (
            <ChoiceGroup
              page={page}
              field={field}
              name={answerName(key)}
              legend={legend}
              kind="radio"
              errors={errors}
              {...marks}
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
            page={page}
            field={field}
            name={multiple ? `${answerName(key)}[]` : answerName(key)}
            legend={legend}
            kind={multiple ? 'checkbox' : 'radio'}
            errors={errors}
            {...marks}
            choices={q.options.map((o) => ({
              value: o.value,
              label: locale === 'da' ? o.da : o.en,
              checked: multiple ? Array.isArray(answer) && answer.includes(o.value) : answer === o.value,
            }))}
          />
        );
      })}
      {count > 1 ? (
        <button type="submit" name="action" value={`remove:${index}`} class="button button-tertiary tilmeld-remove" safe>
          {t('signup.participant.remove', { n })}
        </button>
      ) : (
        ''
      )}
    </fieldset>
  );
}

export function ParticipantsStep(p: StepViewProps): JSX.Element {
  const { page, signup, draft } = p;
  const { t } = page;
  const errors = errorMap(p.errors);
  const participants = draft.participants.length > 0 ? draft.participants : [toBlank()];
  const listError = errors.get('participants');
  return (
    <SignupShell page={page} event={signup.event} step={2} errors={p.errors} focusHeading={p.removed === undefined && p.focusParticipant === undefined}>
      <WaitingListNotice page={page} signup={signup} />
      {p.removed !== undefined ? (
        <Notice kind="info" focus>
          <p safe>{t('signup.participant.removed', { n: p.removed })}</p>
        </Notice>
      ) : (
        ''
      )}
      <StepForm page={page} signup={signup} step={2} defaultAction="next">
        <>
          <CsrfField token={p.csrfToken} />
          <HiddenFields fields={toFormFields(draft, 'payer')} />
          <HiddenFields fields={toFormFields(draft, 'confirm')} />
          <p id="participants" tabindex="-1" safe>
            {t('signup.participants.intro', { max: LIMITS.participants })}
          </p>
          {listError ? (
            <p class="form-error-message" safe>
              {listError.message}
            </p>
          ) : (
            ''
          )}
          {participants.map((participant, index) => (
            <ParticipantFields
              page={page}
              signup={signup}
              draft={draft}
              participant={participant}
              index={index}
              count={participants.length}
              errors={errors}
              focus={p.focusParticipant === index}
            />
          ))}
          {participants.length < LIMITS.participants ? (
            <p>
              <button type="submit" name="action" value="add" class="button button-secondary" safe>
                {t('signup.participant.add')}
              </button>
            </p>
          ) : (
            <p safe>{t('signup.participant.max', { max: LIMITS.participants })}</p>
          )}
          <Buttons page={page} back={!signup.event.free} next="next" />
        </>
      </StepForm>
    </SignupShell>
  );
}

function toBlank(): ParticipantDraft {
  return { name: '', email: '', jobTitle: '', workplace: '', phone: '', diet: '', accessibilityNeeds: '', roomMate: '', addOns: [], answers: {} };
}

/** The cancellation rule in plain words. */
export function termsSentences(page: PageContext, signup: EventSignup): string[] {
  const { t, locale } = page;
  const e = signup.event;
  const policy = e.cancellation;
  const sentences: string[] = [];
  if (policy.freeDays > 0) sentences.push(t('signup.terms.freeUntil', { date: dateTime(freeCancellationEnds(policy, e.startsAt).toISOString(), locale) }));
  else sentences.push(t('signup.terms.freeUntilStart'));
  if (policy.freeDays > 0) {
    if (policy.late === 'not_allowed') sentences.push(t('signup.terms.lateNotAllowed'));
    else if (policy.lateFeeOre > 0) sentences.push(t('signup.terms.lateFee', { fee: formatMoney(policy.lateFeeOre, locale) }));
  }
  sentences.push(t('signup.terms.waitingList'), t('signup.terms.invoice'), t('signup.terms.manage'));
  return sentences;
}

function Row({ term, value }: { term: string; value: string }): JSX.Element {
  if (value.trim() === '') return '';
  return (
    <>
      <dt safe>{term}</dt>
      <dd safe>{value}</dd>
    </>
  );
}

function answerText(page: PageContext, q: EventSignup['questions'][number], answer: ParticipantDraft['answers'][string] | undefined): string {
  if (answer === undefined) return '';
  if (typeof answer === 'boolean') return page.t(answer ? 'signup.answer.yes' : 'signup.answer.no');
  const option = (v: string) => {
    const o = q.options.find((x) => x.value === v);
    return o ? (page.locale === 'da' ? o.da : o.en) : v;
  };
  return Array.isArray(answer) ? answer.map(option).join(', ') : q.kind === 'single' ? option(answer) : answer;
}

function PreviewNotice({ page, signup, preview }: { page: PageContext; signup: EventSignup; preview: PricePreview }): JSX.Element {
  const { t } = page;
  const { confirmed, waitlisted } = preview.allocation;
  if (waitlisted === 0) return '';
  const count = confirmed + waitlisted;
  return (
    <Notice kind="warning" heading={t('signup.full.title')}>
      <p safe>{confirmed === 0 ? t('signup.preview.waitlisted') : t('signup.preview.partial', { seats: confirmed, count, waiting: waitlisted })}</p>
      <p safe>{t(signup.event.allowPartial ? 'signup.full.partial' : 'signup.full.whole')}</p>
    </Notice>
  );
}

function PriceTable({ page, signup, draft, preview }: { page: PageContext; signup: EventSignup; draft: SignupDraft; preview: PricePreview }): JSX.Element {
  const { t, locale } = page;
  const names = new Map(signup.addOns.map((a) => [a.code, addOnName(page, a)]));
  const exempt = signup.event.vatPercent === 0;
  const seat =
    preview.priceKind === 'member'
      ? t('signup.summary.seatMember')
      : preview.priceKind === 'earlyBird'
        ? t('signup.summary.seatEarlyBird')
        : t('signup.summary.seat');
  return (
    <>
      <PriceLinesTable
        page={page}
        lines={preview.lines.map((line) => {
          const item = line.addOn === null ? seat : (names.get(line.addOn) ?? line.addOn);
          const who = draft.participants[line.participant]?.name ?? '';
          return {
            text: t('signup.summary.line', { n: line.participant + 1, name: who, item }) + (line.waitlisted ? ` (${t('signup.summary.onWaitingList')})` : ''),
            amount: formatMoney(line.priceOre, locale),
          };
        })}
        totals={preview.totals}
        vatPercent={signup.event.vatPercent}
      />
      {exempt ? <p safe>{t('signup.summary.vatExempt')}</p> : ''}
      {preview.allocation.waitlisted > 0 ? <p safe>{t('signup.summary.waitlistNote')}</p> : ''}
    </>
  );
}

export function ConfirmStep(p: StepViewProps & { preview: PricePreview; submissionKey: string }): JSX.Element {
  const { page, signup, draft, preview } = p;
  const { t, locale } = page;
  const errors = errorMap(p.errors);
  const payer = draft.payer;
  const names = new Map(signup.addOns.map((a) => [a.code, addOnName(page, a)]));
  return (
    <SignupShell page={page} event={signup.event} step={3} errors={p.errors} focusHeading>
      <PreviewNotice page={page} signup={signup} preview={preview} />
      <StepForm page={page} signup={signup} step={3}>
        <>
          <CsrfField token={p.csrfToken} />
          <input type="hidden" name="submissionKey" value={p.submissionKey} />
          <HiddenFields fields={toFormFields(draft, 'payer')} />
          <HiddenFields fields={toFormFields(draft, 'participants')} />
          <p safe>{t('signup.confirm.intro')}</p>
          <p safe>{t('signup.when', { date: formatDate(signup.event.startsAt, locale) })}</p>

          {signup.event.free ? (
            ''
          ) : (
            <>
              <h3 safe>{t('signup.summary.payer')}</h3>
              <dl class="tilmeld-summary">
                <Row term={label(page, 'registration.field.payer.organisation')} value={payer.organisation} />
                <Row term={label(page, 'registration.field.payer.cvr')} value={payer.cvr} />
                <Row term={label(page, 'registration.field.payer.ean')} value={payer.ean} />
                <Row term={label(page, 'registration.field.payer.personReference')} value={payer.personReference} />
                <Row term={label(page, 'registration.field.payer.poNumber')} value={payer.poNumber} />
                <Row term={label(page, 'registration.field.payer.address')} value={`${payer.address}, ${payer.postalCode} ${payer.city}`} />
                <Row term={label(page, 'registration.field.payer.email')} value={payer.email} />
              </dl>
            </>
          )}

          <h3 safe>{t('signup.summary.participants')}</h3>
          <ol class="tilmeld-summary-list">
            {draft.participants.map((person) => (
              <li>
                <dl class="tilmeld-summary">
                  <Row term={label(page, 'registration.field.participant.name')} value={person.name} />
                  <Row term={label(page, 'registration.field.participant.email')} value={person.email} />
                  <Row term={label(page, 'registration.field.participant.jobTitle')} value={person.jobTitle} />
                  <Row term={label(page, 'registration.field.participant.workplace')} value={person.workplace} />
                  <Row term={label(page, 'registration.field.participant.phone')} value={person.phone} />
                  <Row term={label(page, 'registration.field.participant.diet')} value={person.diet} />
                  <Row term={label(page, 'registration.field.participant.accessibilityNeeds')} value={person.accessibilityNeeds} />
                  <Row term={label(page, 'registration.field.participant.addOns')} value={person.addOns.map((c) => names.get(c) ?? c).join(', ')} />
                  <Row
                    term={label(page, 'registration.field.participant.roomMate')}
                    value={hasDoubleRoom(signup.doubleRoom, person.addOns) ? person.roomMate : ''}
                  />
                  {signup.questions.map((q) => (
                    <Row term={locale === 'da' ? q.labelDa : q.labelEn} value={answerText(page, q, person.answers[String(q.id)])} />
                  ))}
                </dl>
              </li>
            ))}
          </ol>

          {signup.event.free ? (
            ''
          ) : (
            <>
              <h3 safe>{t('signup.summary.price')}</h3>
              {preview.priceKind === 'member' ? <p safe>{t('signup.summary.memberPrice')}</p> : ''}
              {preview.priceKind === 'earlyBird' && signup.event.prices.earlyBirdEndsAt ? (
                <p safe>{t('signup.summary.earlyBirdPrice', { deadline: formatDate(signup.event.prices.earlyBirdEndsAt, locale) })}</p>
              ) : (
                ''
              )}
              <PriceTable page={page} signup={signup} draft={draft} preview={preview} />
            </>
          )}

          <h3 id="signup-terms" safe>
            {t('signup.terms.heading')}
          </h3>
          <ul>
            {termsSentences(page, signup).map((s) => (
              <li safe>{s}</li>
            ))}
          </ul>

          <SingleCheckbox
            page={page}
            field="consentToParticipantList"
            name="consentToParticipantList"
            label={t('signup.consent.label')}
            checked={draft.consentToParticipantList}
            errors={errors}
            hint={escapeHtml(t('signup.consent.hint'))}
          />
          <SingleCheckbox
            page={page}
            field="acceptTerms"
            name="acceptTerms"
            label={t('signup.acceptTerms.label')}
            checked={draft.acceptTerms}
            errors={errors}
            hint={
              <a href="#signup-terms" class="function-link" safe>
                {t('signup.acceptTerms.link')}
              </a>
            }
          />
          <Buttons page={page} back next="submit" />
        </>
      </StepForm>
    </SignupShell>
  );
}
