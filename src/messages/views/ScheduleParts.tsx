import type { AdminPageContext } from '../../admin/page.js';
import { attr, ChoiceGroup, ErrorMessage, SingleCheckbox, TextField, type ErrorMap } from '../../web/forms/fields.js';
import type { FormError } from '../../web/forms/errors.js';
import { CsrfField } from '../../web/views/CsrfField.js';
import type { CampaignDraft } from '../campaigns.service.js';
import { REMINDER_LIMITS, type ReminderSettings } from '../reminders.service.js';
import { campaignPaths } from './parts.js';

/**
 * "When should the message be sent?": now (after the preview) or at a date
 * and time. The date is the DKFDS date field (day, month, year as numbers,
 * never the browser's date picker and its mm/dd/yyyy); the time is text, "9.30".
 */
export function WhenFields({ page, draft, errors }: { page: AdminPageContext; draft: CampaignDraft; errors: ErrorMap }): JSX.Element {
  const { t } = page;
  const dateError = errors.get('sendDate');
  const part = (key: 'Day' | 'Month' | 'Year', id: string, width: number) => (
    <div class={`form-group form-group-${key.toLowerCase()}`}>
      <label class="form-label" for={id} safe>
        {t(`campaigns.when.${key.toLowerCase() as 'day'}`)}
      </label>
      <input
        class="form-input"
        id={id}
        name={`send${key}`}
        type="text"
        inputmode="numeric"
        maxlength={width}
        value={attr(draft[`send${key}`])}
        aria-invalid={dateError ? 'true' : undefined}
        autocomplete="off"
      />
    </div>
  );
  return (
    <div class="tilmeld-when">
      <ChoiceGroup
        page={page}
        field="when"
        name="when"
        legend={t('campaigns.when.legend')}
        kind="radio"
        errors={errors}
        choices={[
          { value: 'now', label: t('campaigns.when.now'), checked: draft.when !== 'later' },
          { value: 'later', label: t('campaigns.when.later'), checked: draft.when === 'later' },
        ]}
      />
      <div class={dateError ? 'form-group form-error' : 'form-group'}>
        <fieldset aria-describedby={dateError ? 'sendDate-hint sendDate-error' : 'sendDate-hint'}>
          <legend class="form-label" safe>
            {t('campaigns.when.date')}
          </legend>
          <span class="form-hint" id="sendDate-hint" safe>
            {t('campaigns.when.date.hint')}
          </span>
          {dateError ? <ErrorMessage page={page} id="sendDate-error" message={dateError.message} /> : ''}
          <div class="date-group mt-3">
            {part('Day', 'sendDate', 2)}
            {part('Month', 'sendDate-month', 2)}
            {part('Year', 'sendDate-year', 4)}
          </div>
        </fieldset>
      </div>
      <TextField
        page={page}
        field="sendTime"
        name="sendTime"
        label={t('campaigns.when.time')}
        hint={t('campaigns.when.time.hint')}
        value={draft.sendTime}
        errors={errors}
        maxLength={20}
        width="xs"
        optional
        autocomplete="off"
      />
    </div>
  );
}

/** The event's automatic reminder: on or off, how many days before, the practical note and the join link. */
export function ReminderSection(p: {
  page: AdminPageContext;
  eventId: number;
  settings: ReminderSettings;
  reminded: number;
  errors: ReadonlyArray<FormError>;
  mayWrite: boolean;
}): JSX.Element {
  const { page, settings } = p;
  const { t } = page;
  const map: ErrorMap = new Map(p.errors.map((e) => [e.key, e]));
  return (
    <section aria-labelledby="reminder-heading" id="reminder">
      <h2 id="reminder-heading" safe>
        {t('reminders.heading')}
      </h2>
      <p safe>{t('reminders.lede')}</p>
      <p class="font-lead" data-reminder-state="" safe>
        {settings.enabled ? t('reminders.state.on', { days: settings.daysBefore, count: p.reminded }) : t('reminders.state.off')}
      </p>
      {p.mayWrite ? (
        <form method="post" action={`${campaignPaths.list(p.eventId)}/reminder`} novalidate>
          <CsrfField token={page.csrfToken} />
          <SingleCheckbox page={page} field="enabled" name="enabled" label={t('reminders.field.enabled')} checked={settings.enabled} errors={map} />
          <TextField
            page={page}
            field="daysBefore"
            name="daysBefore"
            label={t('reminders.field.daysBefore')}
            hint={t('reminders.field.daysBefore.hint')}
            value={String(settings.daysBefore || REMINDER_LIMITS.defaultDays)}
            errors={map}
            maxLength={2}
            inputmode="numeric"
            width="xs"
          />
          <TextField
            page={page}
            field="noteDa"
            name="noteDa"
            label={t('reminders.field.noteDa')}
            hint={t('reminders.field.note.hint')}
            value={settings.noteDa}
            errors={map}
            multiline
            optional
            maxLength={REMINDER_LIMITS.note}
          />
          <TextField
            page={page}
            field="noteEn"
            name="noteEn"
            label={t('reminders.field.noteEn')}
            value={settings.noteEn}
            errors={map}
            multiline
            optional
            maxLength={REMINDER_LIMITS.note}
          />
          <TextField
            page={page}
            field="joinUrl"
            name="joinUrl"
            label={t('reminders.field.joinUrl')}
            hint={t('reminders.field.joinUrl.hint')}
            value={settings.joinUrl}
            errors={map}
            optional
            maxLength={REMINDER_LIMITS.url}
            autocomplete="off"
            type="text"
            inputmode="text"
          />
          <div class="tilmeld-form-actions">
            <button type="submit" class="button button-secondary" safe>
              {t('reminders.save')}
            </button>
          </div>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}
