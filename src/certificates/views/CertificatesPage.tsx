import type { AdminPageContext } from '../../admin/page.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { Errors, SuccessNotice, titleWithErrors } from '../../web/admin/parts.js';
import { formatDate } from '../../lib/dates.js';
import type { FormError } from '../../web/forms/errors.js';
import { ChoiceGroup, errorMap, SingleCheckbox, TextField } from '../../web/forms/fields.js';
import { CsrfField } from '../../web/views/CsrfField.js';
import { SelectField } from '../../web/forms/SelectField.js';
import type { CertificateRow } from '../certificates.queries.js';
import type { CertificateSettings } from '../certificates.service.js';
import { ISSUE_WHEN } from '../certificates.table.js';
import { certificatePaths } from '../paths.js';

export interface SettingsDraft {
  enabled: boolean;
  issueWhen: string;
  threshold: string;
  learningContent: string;
  signerName: string;
  signerTitle: string;
}

export function settingsDraftOf(s: CertificateSettings): SettingsDraft {
  return {
    enabled: s.enabled,
    issueWhen: s.issueWhen,
    threshold: String(s.thresholdPercent),
    learningContent: s.learningContent,
    signerName: s.signerName,
    signerTitle: s.signerTitle,
  };
}

export interface CertificatesPageProps {
  page: AdminPageContext;
  event: { id: number; title: string };
  certificates: CertificateRow[];
  participants: Array<{ id: number; name: string }>;
  settings: SettingsDraft;
  hasSignature: boolean;
  mayWrite: boolean;
  issue: { participant: string; force: boolean };
  errors: FormError[];
  notice?: string | undefined;
}

export function CertificatesPage(p: CertificatesPageProps): JSX.Element {
  const { page, event } = p;
  const { t, locale } = page;
  const map = errorMap(p.errors);
  const heading = t('certificates.admin.heading', { event: event.title });
  return (
    <AdminLayout page={page} title={titleWithErrors(page, heading, p.errors)} section="events">
      <p class="tilmeld-meta">
        <a href={`/admin/events/${event.id}`} class="function-link" safe>
          {t('certificates.admin.backToEvent')}
        </a>
      </p>
      <h1 safe>{heading}</h1>
      {p.notice ? <SuccessNotice text={p.notice} /> : ''}
      <Errors page={page} errors={p.errors} />
      <h2 safe>{t('certificates.admin.issued')}</h2>
      {p.certificates.length === 0 ? (
        <p safe>{t('certificates.admin.none')}</p>
      ) : (
        <>
          <p>
            <a href={certificatePaths.adminZip(event.id)} class="function-link" safe>
              {t('certificates.admin.zip')}
            </a>
          </p>
          <div class="table--responsive-scroll">
            <table class="table table--compact">
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t('certificates.admin.col.name')}
                  </th>
                  <th scope="col" safe>
                    {t('certificates.admin.col.code')}
                  </th>
                  <th scope="col" safe>
                    {t('certificates.admin.col.issued')}
                  </th>
                  <th scope="col" safe>
                    {t('certificates.admin.col.status')}
                  </th>
                  <th scope="col" safe>
                    {t('certificates.admin.col.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.certificates.map((c) => (
                  <tr>
                    <th scope="row" safe>
                      {c.participant_name}
                    </th>
                    <td safe>{c.code}</td>
                    <td safe>{formatDate(c.issued_at, locale)}</td>
                    <td safe>{c.revoked_at ? t('certificates.admin.revokedAt', { when: formatDate(c.revoked_at, locale) }) : t('certificates.admin.valid')}</td>
                    <td>
                      <a href={certificatePaths.adminPdf(event.id, c.id)} class="function-link" safe>
                        {t('certificates.admin.pdf')}
                      </a>
                      {p.mayWrite && !c.revoked_at ? (
                        <form method="post" action={certificatePaths.adminRevoke(event.id, c.id)} class="tilmeld-inline-form">
                          <CsrfField token={page.csrfToken} />
                          <button
                            type="submit"
                            class="button button-tertiary"
                            aria-label={t('certificates.admin.revokeLabel', { name: c.participant_name })}
                            safe
                          >
                            {t('certificates.admin.revoke')}
                          </button>
                        </form>
                      ) : (
                        ''
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {p.mayWrite ? (
        <>
          <h2 safe>{t('certificates.admin.issueHeading')}</h2>
          <form method="post" action={certificatePaths.adminIssue(event.id)} novalidate>
            <CsrfField token={page.csrfToken} />
            <SelectField
              page={page}
              id="participant"
              name="participant"
              label={t('certificates.admin.participant')}
              value={p.issue.participant}
              options={[{ value: '', label: '' }, ...p.participants.map((x) => ({ value: String(x.id), label: x.name }))]}
              error={map.get('participant')?.message}
            />
            <SingleCheckbox page={page} field="force" name="force" label={t('certificates.admin.force')} checked={p.issue.force} errors={map} />
            <button type="submit" class="button button-primary" safe>
              {t('certificates.admin.issue')}
            </button>
          </form>
          <h2 safe>{t('certificates.admin.settings')}</h2>
          <form method="post" action={certificatePaths.adminSettings(event.id)} novalidate>
            <CsrfField token={page.csrfToken} />
            <SingleCheckbox page={page} field="enabled" name="enabled" label={t('certificates.admin.enabled')} checked={p.settings.enabled} errors={map} />
            <ChoiceGroup
              page={page}
              field="issueWhen"
              name="issueWhen"
              legend={t('certificates.admin.issueWhen')}
              kind="radio"
              errors={map}
              choices={ISSUE_WHEN.map((w) => ({ value: w, label: t(`certificates.admin.issueWhen.${w}`), checked: p.settings.issueWhen === w }))}
            />
            <TextField
              page={page}
              field="threshold"
              name="threshold"
              label={t('certificates.admin.threshold')}
              value={p.settings.threshold}
              errors={map}
              maxLength={3}
              inputmode="numeric"
              width="xs"
            />
            <TextField
              page={page}
              field="learningContent"
              name="learningContent"
              label={t('certificates.admin.learningContent')}
              value={p.settings.learningContent}
              errors={map}
              multiline
              maxLength={3000}
              optional
            />
            <TextField
              page={page}
              field="signerName"
              name="signerName"
              label={t('certificates.admin.signerName')}
              value={p.settings.signerName}
              errors={map}
              maxLength={120}
              optional
            />
            <TextField
              page={page}
              field="signerTitle"
              name="signerTitle"
              label={t('certificates.admin.signerTitle')}
              value={p.settings.signerTitle}
              errors={map}
              maxLength={120}
              optional
            />
            <button type="submit" class="button button-secondary" safe>
              {t('certificates.admin.save')}
            </button>
          </form>
          <h2 safe>{t('certificates.admin.signature')}</h2>
          <p safe>{p.hasSignature ? t('certificates.admin.signatureCurrent') : t('certificates.admin.signatureNone')}</p>
          <form method="post" action={certificatePaths.adminSignature(event.id)} enctype="multipart/form-data" novalidate>
            <CsrfField token={page.csrfToken} />
            <div class={map.get('signature') ? 'form-group form-error' : 'form-group'}>
              <label class="form-label" for="signature" safe>
                {t('certificates.admin.signature')}
              </label>
              <span class="form-hint" id="signature-hint" safe>
                {t('certificates.admin.signatureHint')}
              </span>
              {map.get('signature') ? (
                <span class="form-error-message" id="signature-error" safe>
                  {map.get('signature')!.message}
                </span>
              ) : (
                ''
              )}
              <input
                type="file"
                id="signature"
                name="signature"
                accept="image/png"
                class="form-file-input"
                aria-describedby={map.get('signature') ? 'signature-hint signature-error' : 'signature-hint'}
              />
            </div>
            <button type="submit" class="button button-secondary" safe>
              {t('certificates.admin.signatureUpload')}
            </button>
          </form>
        </>
      ) : (
        ''
      )}
    </AdminLayout>
  );
}
