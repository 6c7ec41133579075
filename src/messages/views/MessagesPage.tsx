import { escapeHtml } from '@kitajs/html';
import type { AdminPageContext } from '../../admin/page.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { Errors, titleWithErrors } from '../../web/admin/parts.js';
import { attr, ChoiceGroup, errorMap, TextField } from '../../web/forms/fields.js';
import { signupScript } from '../../web/forms/ErrorSummary.js';
import type { FormError } from '../../web/forms/errors.js';
import { CsrfField } from '../../web/views/CsrfField.js';
import { SelectField } from '../../web/forms/SelectField.js';
import { placeholderNames, TEMPLATE_IDS } from '../campaign-templates.js';
import { CAMPAIGN_AUDIENCES } from '../campaigns.table.js';
import { CAMPAIGN_LIMITS, DRAFT_FIELDS, type CampaignDraft, type CampaignOverviewRow, type CampaignPreview } from '../campaigns.service.js';
import { audienceLabel, campaignPaths, dateTime, scheduledWhen } from './parts.js';
import { SuccessNotice } from '../../web/admin/parts.js';
import type { ReminderSettings } from '../reminders.service.js';
import { ReminderSection, WhenFields } from './ScheduleParts.js';

export interface MessagesPageProps {
  page: AdminPageContext;
  event: { id: number; title: string; seats_taken: number; waiting_count: number };
  campaigns: CampaignOverviewRow[];
  /** Admins and managers write; facilitators only read the list. */
  mayWrite: boolean;
  draft: CampaignDraft;
  errors: FormError[];
  /** Set when the draft was checked and is ready to send. */
  preview?: CampaignPreview | undefined;
  reminder: ReminderSettings;
  /** Participants the automatic reminder has reached. */
  reminded: number;
  reminderErrors: FormError[];
  notice?: string | undefined;
}

function CampaignTable({ page, eventId, campaigns }: { page: AdminPageContext; eventId: number; campaigns: CampaignOverviewRow[] }): JSX.Element {
  const { t, locale } = page;
  if (campaigns.length === 0) return <p safe>{t('campaigns.sent.none')}</p>;
  return (
    <div class="table--responsive-scroll">
      <table class="table table--zebra">
        <thead>
          <tr>
            <th scope="col" safe>
              {t('campaigns.col.subject')}
            </th>
            <th scope="col" safe>
              {t('campaigns.col.audience')}
            </th>
            <th scope="col" safe>
              {t('campaigns.col.status')}
            </th>
            <th scope="col" safe>
              {t('campaigns.col.sentAt')}
            </th>
            <th scope="col" safe>
              {t('campaigns.col.by')}
            </th>
            <th scope="col" class="text-align-right" safe>
              {t('campaigns.col.sent')}
            </th>
            <th scope="col" class="text-align-right" safe>
              {t('campaigns.col.queued')}
            </th>
            <th scope="col" class="text-align-right" safe>
              {t('campaigns.col.failed')}
            </th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr>
              <td>
                <a href={campaignPaths.campaign(eventId, c.id)} class="function-link" safe>
                  {c.subject_da}
                </a>
              </td>
              <td safe>{`${audienceLabel(page, c.audience)} (${c.recipient_count})`}</td>
              <td data-status={c.status} safe>
                {c.kind === 'reminder'
                  ? t('campaigns.status.reminder')
                  : c.status === 'scheduled' && c.send_at
                    ? t('campaigns.status.scheduled', { when: scheduledWhen(c.send_at, locale) })
                    : c.status === 'cancelled'
                      ? t('campaigns.status.cancelled')
                      : t('campaigns.status.sent')}
              </td>
              <td safe>{dateTime(c.created_at, locale)}</td>
              <td safe>{c.created_by_name}</td>
              <td class="text-align-right" safe>
                {String(c.counts.sent)}
              </td>
              <td class="text-align-right" safe>
                {String(c.counts.queued)}
              </td>
              <td class="text-align-right" safe>
                {String(c.counts.failed)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TemplatePicker({ page, eventId, draft }: { page: AdminPageContext; eventId: number; draft: CampaignDraft }): JSX.Element {
  const { t } = page;
  return (
    <form method="get" action={campaignPaths.list(eventId)} class="tilmeld-admin-filters" aria-labelledby="template-heading">
      <h3 id="template-heading" class="h4" safe>
        {t('campaigns.template.legend')}
      </h3>
      <SelectField
        page={page}
        id="template-picker"
        name="template"
        label={t('campaigns.template.label')}
        hint={t('campaigns.template.hint')}
        value={draft.template}
        options={TEMPLATE_IDS.map((id) => ({ value: id, label: t(`campaigns.template.${id}`) }))}
      />
      <input type="hidden" name="audience" value={attr(draft.audience)} />
      <button type="submit" class="button button-secondary" safe>
        {t('campaigns.template.use')}
      </button>
    </form>
  );
}

function Placeholders({ page }: { page: AdminPageContext }): JSX.Element {
  const { t, locale } = page;
  return (
    <section aria-labelledby="placeholders-heading" id="placeholders">
      <h3 id="placeholders-heading" class="h4" safe>
        {t('campaigns.placeholders.heading')}
      </h3>
      <p class="form-hint" safe>
        {t('campaigns.placeholders.intro')}
      </p>
      <ul>
        {placeholderNames(locale).map((p) => (
          <li>
            <code safe>{`{{${p.name}}}`}</code> <span safe>{`– ${t(`campaigns.placeholder.${p.key}`)}`}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function HiddenDraft({ draft }: { draft: CampaignDraft }): JSX.Element {
  return (
    <>
      {DRAFT_FIELDS.map((name) => (
        <input type="hidden" name={name} value={attr(draft[name])} />
      ))}
    </>
  );
}

/** A paragraph of the mail with its line breaks kept; every line escaped. */
function MailParagraph({ text }: { text: string }): JSX.Element {
  const safeLines = text
    .split('\n')
    .map((line) => escapeHtml(line))
    .join('<br />');
  return <p>{safeLines}</p>;
}

function Preview({ page, eventId, draft, preview }: { page: AdminPageContext; eventId: number; draft: CampaignDraft; preview: CampaignPreview }): JSX.Element {
  const { t } = page;
  const when = preview.sendAt ? scheduledWhen(preview.sendAt, page.locale) : undefined;
  return (
    <section class="tilmeld-preview" aria-labelledby="preview-heading" id="preview" tabindex="-1" data-focus-on-load="">
      <h2 id="preview-heading" safe>
        {t('campaigns.preview.heading')}
      </h2>
      <p class="font-lead" safe>
        {preview.recipientCount === 1
          ? t('campaigns.preview.count.one', { language: t(`campaigns.language.${preview.byLanguage.en === 1 ? 'en' : 'da'}`) })
          : t('campaigns.preview.count', { count: preview.recipientCount, da: preview.byLanguage.da, en: preview.byLanguage.en })}
      </p>
      {preview.samples.map((s) => (
        <div class="tilmeld-mail-preview" lang={s.locale}>
          <p lang={page.locale} safe>
            {t('campaigns.preview.sample', { name: s.name, email: s.email, language: t(`campaigns.language.${s.locale}`) })}
          </p>
          <div class="card">
            <div class="card-content">
              <p>
                <strong safe>{`${t('campaigns.preview.subject')}: `}</strong>
                <span safe>{s.subject}</span>
              </p>
              {s.paragraphs.map((text) => (
                <MailParagraph text={text} />
              ))}
              <p class="tilmeld-meta" safe>
                {s.footer}
              </p>
            </div>
          </div>
        </div>
      ))}
      <p safe>{when ? t('campaigns.schedule.note') : t('campaigns.preview.check')}</p>
      <form method="post" action={campaignPaths.list(eventId)}>
        <CsrfField token={page.csrfToken} />
        <HiddenDraft draft={draft} />
        <div class="tilmeld-form-actions">
          <button type="submit" name="action" value="send" class="button button-primary" safe>
            {when
              ? draft.editing !== ''
                ? t('campaigns.schedule.save', { when })
                : t('campaigns.schedule', { when })
              : preview.recipientCount === 1
                ? t('campaigns.send.one')
                : t('campaigns.send', { count: preview.recipientCount })}
          </button>{' '}
          <a href="#subjectDa" class="button button-secondary" safe>
            {t('campaigns.edit')}
          </a>
        </div>
      </form>
    </section>
  );
}

function MessageForm({ page, event, draft, errors }: Pick<MessagesPageProps, 'page' | 'event' | 'draft' | 'errors'>): JSX.Element {
  const { t } = page;
  const map = errorMap(errors);
  const counts = { confirmed: event.seats_taken, waitlisted: event.waiting_count, both: event.seats_taken + event.waiting_count };
  return (
    <form method="post" action={campaignPaths.list(event.id)} novalidate>
      <CsrfField token={page.csrfToken} />
      <input type="hidden" name="template" value={attr(draft.template)} />
      <input type="hidden" name="submissionKey" value={attr(draft.submissionKey)} />
      <input type="hidden" name="editing" value={attr(draft.editing)} />
      <ChoiceGroup
        page={page}
        field="audience"
        name="audience"
        legend={t('campaigns.field.audience')}
        kind="radio"
        errors={map}
        choices={CAMPAIGN_AUDIENCES.map((a) => ({
          value: a,
          label: audienceLabel(page, a),
          checked: draft.audience === a,
          note: counts[a] === 1 ? t('campaigns.audience.count.one') : t('campaigns.audience.count', { count: counts[a] }),
        }))}
      />
      <TextField
        page={page}
        field="subjectDa"
        name="subjectDa"
        label={t('campaigns.field.subjectDa')}
        value={draft.subjectDa}
        errors={map}
        maxLength={CAMPAIGN_LIMITS.subject}
        autocomplete="off"
      />
      <TextField
        page={page}
        field="bodyDa"
        name="bodyDa"
        label={t('campaigns.field.bodyDa')}
        hint={t('campaigns.field.body.hint')}
        value={draft.bodyDa}
        errors={map}
        multiline
        maxLength={CAMPAIGN_LIMITS.body}
      />
      <fieldset aria-describedby="english-hint">
        <legend class="form-label" safe>
          {t('campaigns.field.english.legend')}
        </legend>
        <span class="form-hint" id="english-hint" safe>
          {t('campaigns.field.english.hint')}
        </span>
        <TextField
          page={page}
          field="subjectEn"
          name="subjectEn"
          label={t('campaigns.field.subjectEn')}
          value={draft.subjectEn}
          errors={map}
          optional
          maxLength={CAMPAIGN_LIMITS.subject}
          autocomplete="off"
        />
        <TextField
          page={page}
          field="bodyEn"
          name="bodyEn"
          label={t('campaigns.field.bodyEn')}
          value={draft.bodyEn}
          errors={map}
          optional
          multiline
          maxLength={CAMPAIGN_LIMITS.body}
        />
      </fieldset>
      <WhenFields page={page} draft={draft} errors={map} />
      <div class="tilmeld-form-actions">
        <button type="submit" name="action" value="preview" class="button button-primary" safe>
          {t('campaigns.preview')}
        </button>
      </div>
    </form>
  );
}

/** /admin/events/:id/messages: the mailings sent for an event and a new one (template, text, preview, send). */
export function MessagesPage(p: MessagesPageProps): JSX.Element {
  const { page, event } = p;
  const { t } = page;
  const heading = `${t('campaigns.heading')}: ${event.title}`;
  return (
    <AdminLayout page={page} title={titleWithErrors(page, heading, p.errors)} section="events" head={signupScript()}>
      <p class="tilmeld-meta">
        <a href={`/admin/events/${event.id}`} class="function-link" safe>
          {t('campaigns.backToEvent')}
        </a>
      </p>
      <h1 safe>{heading}</h1>
      <p class="font-lead" safe>
        {t('campaigns.lede')}
      </p>
      {p.notice ? <SuccessNotice text={p.notice} /> : ''}
      <Errors page={page} errors={p.errors} />
      {p.mayWrite && p.preview ? <Preview page={page} eventId={event.id} draft={p.draft} preview={p.preview} /> : ''}
      {p.mayWrite ? (
        <section aria-labelledby="new-heading">
          <h2 id="new-heading" safe>
            {p.draft.editing !== '' ? t('campaigns.editing.heading') : t('campaigns.new.heading')}
          </h2>
          {p.draft.editing !== '' ? '' : <TemplatePicker page={page} eventId={event.id} draft={p.draft} />}
          <MessageForm page={page} event={event} draft={p.draft} errors={p.errors} />
          <Placeholders page={page} />
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="sent-heading">
        <h2 id="sent-heading" safe>
          {t('campaigns.sent.heading')}
        </h2>
        <CampaignTable page={page} eventId={event.id} campaigns={p.campaigns} />
      </section>
      <ReminderSection page={page} eventId={event.id} settings={p.reminder} reminded={p.reminded} errors={p.reminderErrors} mayWrite={p.mayWrite} />
    </AdminLayout>
  );
}
