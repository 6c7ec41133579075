import type { PageContext } from '../../../web/page.js';
import { LIMITS } from '../registration.schema.js';
import { registrationMessage } from '../../registrations.messages.js';
import type { QuestionRow } from '../../registrations.queries.js';
import { NO, YES, type ParticipantDraft } from '../signup-form.js';
import { ChoiceGroup, TextField, type ErrorMap } from '../../../web/forms/fields.js';
import { hasDoubleRoom, type DoubleRoomOffer } from '../room-mate.js';
import { AddOnChoices, type AddOnOffer } from './AddOnChoices.js';

type TextKey = 'name' | 'email' | 'jobTitle' | 'workplace' | 'phone' | 'diet' | 'accessibilityNeeds' | 'roomMate';

/**
 * The hint that asks for the room-mate wish of a participant with a night in a
 * double room (by the price or an add-on held); undefined asks nothing. A
 * wish already given is shown whatever, so that it can be removed.
 */
export function roomMateHintFor(
  page: PageContext,
  offer: DoubleRoomOffer,
  participant: { addOns: ReadonlyArray<{ code: string; status: string }> },
  draft: Pick<ParticipantDraft, 'roomMate'>,
): string | undefined {
  const held = participant.addOns.filter((a) => a.status === 'reserved' || a.status === 'requested').map((a) => a.code);
  return hasDoubleRoom(offer, held) || draft.roomMate.trim() !== '' ? page.t('signup.participant.roomMateHint') : undefined;
}

/**
 * One participant's details and answers as the sign-up asks for them, named
 * participants[0][…] so the sign-up's parser and rules read the post. Used
 * where a booker or staff change a participant or put a colleague in their place.
 */
export function ParticipantFields({
  page,
  draft,
  errors,
  questions,
  roomMateHint,
  addOnOffer,
}: {
  page: PageContext;
  draft: ParticipantDraft;
  errors: ErrorMap;
  questions: ReadonlyArray<QuestionRow>;
  /** Asks for the room-mate wish, with this hint: only of a participant with a night in a double room. */
  roomMateHint?: string | undefined;
  /** Offers the event's add-ons as the sign-up does (a new participant chooses them; others keep theirs). */
  addOnOffer?: AddOnOffer | undefined;
}): JSX.Element {
  const { t, locale } = page;
  const base = 'participants.0';
  const name = (f: string) => `participants[0][${f}]`;
  const text = (f: TextKey) => ({
    page,
    field: `${base}.${f}`,
    name: name(f),
    value: draft[f],
    errors,
    label: registrationMessage(locale, `registration.field.participant.${f}`),
  });
  return (
    <>
      <TextField {...text('name')} maxLength={LIMITS.name} autocomplete="off" />
      <TextField {...text('email')} type="email" maxLength={LIMITS.email} autocomplete="off" />
      <TextField {...text('jobTitle')} maxLength={LIMITS.jobTitle} autocomplete="off" />
      <TextField {...text('workplace')} maxLength={LIMITS.workplace} autocomplete="off" />
      <TextField {...text('phone')} type="tel" optional maxLength={LIMITS.phone} autocomplete="off" width="m" />
      <TextField {...text('diet')} optional multiline hint={t('signup.participant.dietHint')} maxLength={LIMITS.diet} />
      <TextField {...text('accessibilityNeeds')} optional multiline hint={t('signup.participant.accessibilityHint')} maxLength={LIMITS.accessibilityNeeds} />
      {addOnOffer ? <AddOnChoices page={page} offer={addOnOffer} index={0} selected={draft.addOns} errors={errors} /> : ''}
      {roomMateHint ? <TextField {...text('roomMate')} optional hint={roomMateHint} maxLength={LIMITS.roomMate} autocomplete="off" /> : ''}
      {questions.map((q) => {
        const key = String(q.id);
        const answer = draft.answers[key];
        const field = `${base}.answers.${key}`;
        const answerName = `participants[0][answers][${key}]`;
        const legend = locale === 'da' ? q.labelDa : q.labelEn;
        const marks = { optional: !q.required, required: q.required };
        if (q.kind === 'text') {
          return (
            <TextField
              page={page}
              field={field}
              name={answerName}
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
              name={answerName}
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
            name={multiple ? `${answerName}[]` : answerName}
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
    </>
  );
}
