import type { AdminPageContext } from '../../admin/page.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { SuccessNotice } from '../../web/admin/parts.js';
import { STATIC_PREFIX } from '../../web/assets.js';
import type { CampaignProgress } from '../campaigns.service.js';
import { audienceLabel, campaignPaths, dateTime, scheduledWhen } from './parts.js';
import { CsrfField } from '../../web/views/CsrfField.js';

export interface CampaignPageProps {
  page: AdminPageContext;
  event: { id: number; title: string };
  progress: CampaignProgress;
  notice?: string | undefined;
  error?: string | undefined;
  /** Administrators and managers may cancel, edit and send again. */
  mayWrite: boolean;
}

/**
 * The counts, a progress bar and the delivery log of one mailing. While mails
 * wait, campaign-progress.js polls the counts and updates them in place
 * (a refresh meta tag would fail WCAG 2.2.1); without script the Refresh
 * link does the same.
 */
export function CampaignPage({ page, event, progress, notice, error, mayWrite }: CampaignPageProps): JSX.Element {
  const { t, locale } = page;
  const { campaign, counts, log } = progress;
  const heading = t('campaigns.progress.heading', { subject: campaign.subject_da });
  const self = campaignPaths.campaign(event.id, campaign.id);
  const busy = counts.queued > 0;
  const templateLabel = ['practical', 'reminder', 'programmeChange', 'blank'].includes(campaign.template)
    ? t(`campaigns.template.${campaign.template as 'practical'}`)
    : campaign.template;
  return (
    <AdminLayout page={page} title={heading} section="events" head={<script src={`${STATIC_PREFIX}/campaign-progress.js`} defer></script>}>
      <p class="tilmeld-meta">
        <a href={campaignPaths.list(event.id)} class="function-link" safe>
          {t('campaigns.backToList')}
        </a>
      </p>
      <h1 safe>{heading}</h1>
      {notice ? <SuccessNotice text={notice} /> : ''}
      {error ? (
        <div class="alert alert-error" role="alert">
          <div class="alert-body">
            <p class="alert-text" safe>
              {error}
            </p>
          </div>
        </div>
      ) : (
        ''
      )}
      <dl class="tilmeld-facts">
        <dt safe>{t('campaigns.facts.audience')}</dt>
        <dd safe>{`${audienceLabel(page, campaign.audience)} (${campaign.recipient_count})`}</dd>
        <dt safe>{t('campaigns.facts.template')}</dt>
        <dd safe>{templateLabel}</dd>
        <dt safe>{t('campaigns.facts.by')}</dt>
        <dd safe>{campaign.created_by_name}</dd>
        <dt safe>{t('campaigns.facts.at')}</dt>
        <dd safe>{dateTime(campaign.created_at, locale)}</dd>
        <dt safe>{t('campaigns.col.status')}</dt>
        <dd data-status={campaign.status} safe>
          {campaign.status === 'scheduled' && campaign.send_at
            ? t('campaigns.status.scheduled', { when: scheduledWhen(campaign.send_at, locale) })
            : campaign.status === 'cancelled'
              ? t('campaigns.status.cancelled')
              : t('campaigns.status.sent')}
        </dd>
      </dl>
      {campaign.status === 'scheduled' ? <Scheduled page={page} eventId={event.id} campaign={campaign} mayWrite={mayWrite} /> : ''}
      {campaign.status === 'cancelled' ? <p safe>{t('campaigns.scheduled.gone')}</p> : ''}
      {campaign.status === 'sent' ? (
        <>
          <section
            aria-labelledby="progress-heading"
            data-campaign-progress={campaignPaths.progress(event.id, campaign.id)}
            data-busy={busy ? 'true' : 'false'}
          >
            <h2 id="progress-heading" safe>
              {t('campaigns.progress.label')}
            </h2>
            <p class="font-lead" aria-live="polite" data-summary="" safe>
              {t('campaigns.progress.summary', { sent: counts.sent, total: counts.total })}
            </p>
            <progress
              id="campaign-progress"
              max={String(Math.max(1, counts.total))}
              value={String(counts.sent + counts.failed)}
              aria-label={t('campaigns.progress.label')}
              safe
            >
              {`${counts.sent + counts.failed} / ${counts.total}`}
            </progress>
            <dl class="tilmeld-facts">
              <dt safe>{t('campaigns.col.queued')}</dt>
              <dd data-count="queued" safe>
                {String(counts.queued)}
              </dd>
              <dt safe>{t('campaigns.col.sent')}</dt>
              <dd data-count="sent" safe>
                {String(counts.sent)}
              </dd>
              <dt safe>{t('campaigns.col.failed')}</dt>
              <dd data-count="failed" safe>
                {String(counts.failed)}
              </dd>
            </dl>
            {busy ? (
              <p data-state="busy">
                <span safe>{`${t('campaigns.progress.sending')} `}</span>
                <a href={self} class="function-link" safe>
                  {t('campaigns.progress.refresh')}
                </a>
              </p>
            ) : (
              <p data-state="done" safe>
                {t('campaigns.progress.done')}
              </p>
            )}
          </section>

          <section aria-labelledby="log-heading">
            <h2 id="log-heading" safe>
              {t('campaigns.log.heading')}
            </h2>
            <div class="table--responsive-scroll">
              <table class="table table--zebra" id="delivery-log">
                <caption class="sr-only" safe>
                  {t('campaigns.log.caption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" safe>
                      {t('campaigns.log.recipient')}
                    </th>
                    <th scope="col" safe>
                      {t('campaigns.log.email')}
                    </th>
                    <th scope="col" safe>
                      {t('campaigns.log.language')}
                    </th>
                    <th scope="col" safe>
                      {t('campaigns.log.status')}
                    </th>
                    <th scope="col" class="text-align-right" safe>
                      {t('campaigns.log.attempts')}
                    </th>
                    <th scope="col" safe>
                      {t('campaigns.log.error')}
                    </th>
                    <th scope="col" safe>
                      {t('campaigns.log.sentAt')}
                    </th>
                    {mayWrite && counts.failed > 0 ? (
                      <th scope="col" safe>
                        {t('campaigns.log.actions')}
                      </th>
                    ) : (
                      ''
                    )}
                  </tr>
                </thead>
                <tbody>
                  {log.map((r) => (
                    <tr>
                      <td safe>{r.name ?? t('campaigns.log.removed')}</td>
                      <td safe>{r.email ?? r.recipient}</td>
                      <td safe>{t(`campaigns.language.${r.locale}`)}</td>
                      <td safe>{t(`campaigns.status.${r.status}`)}</td>
                      <td class="text-align-right" safe>
                        {String(r.attempts)}
                      </td>
                      <td safe>{r.last_error ?? ''}</td>
                      <td>{r.sent_at ? dateTime(r.sent_at, locale) : ''}</td>
                      {mayWrite && counts.failed > 0 ? (
                        <td>
                          {r.status === 'failed' ? (
                            <form method="post" action={`${self}/resend`}>
                              <CsrfField token={page.csrfToken} />
                              <input type="hidden" name="recipient" value={String(r.id)} />
                              <button
                                type="submit"
                                class="button button-tertiary"
                                aria-label={t('campaigns.resend.oneLabel', { name: r.name ?? r.recipient })}
                                safe
                              >
                                {t('campaigns.resend.one')}
                              </button>
                            </form>
                          ) : (
                            ''
                          )}
                        </td>
                      ) : (
                        ''
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {mayWrite && counts.failed > 0 ? (
              <form method="post" action={`${self}/resend`} class="tilmeld-form-actions">
                <CsrfField token={page.csrfToken} />
                <button type="submit" class="button button-secondary" safe>
                  {t('campaigns.resend.all', { count: counts.failed })}
                </button>
              </form>
            ) : (
              ''
            )}
          </section>
        </>
      ) : (
        ''
      )}
    </AdminLayout>
  );
}

/** A scheduled message: when it goes out, and (for staff who write) change it or cancel it. */
function Scheduled({
  page,
  eventId,
  campaign,
  mayWrite,
}: {
  page: AdminPageContext;
  eventId: number;
  campaign: CampaignProgress['campaign'];
  mayWrite: boolean;
}): JSX.Element {
  const { t, locale } = page;
  const self = campaignPaths.campaign(eventId, campaign.id);
  return (
    <section aria-labelledby="scheduled-heading">
      <h2 id="scheduled-heading" safe>
        {t('campaigns.scheduled.heading')}
      </h2>
      <p class="font-lead" safe>
        {t('campaigns.scheduled.waiting', { when: scheduledWhen(campaign.send_at ?? campaign.created_at, locale) })}
      </p>
      {mayWrite ? (
        <div class="tilmeld-form-actions">
          <a href={`${campaignPaths.list(eventId)}?edit=${campaign.id}#new-heading`} class="button button-primary" safe>
            {t('campaigns.scheduled.edit')}
          </a>{' '}
          <form method="post" action={`${self}/cancel`} class="tilmeld-inline-form">
            <CsrfField token={page.csrfToken} />
            <button type="submit" class="button button-secondary" safe>
              {t('campaigns.scheduled.cancel')}
            </button>
          </form>
        </div>
      ) : (
        ''
      )}
      <h3 class="h4" safe>
        {t('campaigns.preview.subject')}
      </h3>
      <p safe>{campaign.subject_da}</p>
    </section>
  );
}
