import { PrivateLayout } from '../../registrations/index.js';
import type { PageContext } from '../../web/page.js';
import { datesText } from '../certificate-pdf.js';

export interface VerifiedCertificate {
  code: string;
  participantName: string;
  courseTitle: string;
  organiser: string;
  startsAt: string;
  endsAt: string;
  revoked: boolean;
}

/** Only name, course, dates, organiser and whether it is valid: nothing else of the participant is shown. */
export function VerifyPage({ page, certificate }: { page: PageContext; certificate: VerifiedCertificate | undefined }): JSX.Element {
  const { t, locale } = page;
  if (!certificate) {
    return (
      <PrivateLayout page={page} title={t('certificates.verify.unknown')}>
        <h1 safe>{t('certificates.verify.unknown')}</h1>
        <p class="font-lead" safe>
          {t('certificates.verify.unknownBody')}
        </p>
      </PrivateLayout>
    );
  }
  const status = certificate.revoked ? t('certificates.verify.revoked') : t('certificates.verify.valid');
  return (
    <PrivateLayout page={page} title={t('certificates.verify.title')}>
      <h1 safe>{t('certificates.verify.title')}</h1>
      <div class={certificate.revoked ? 'alert alert-error' : 'alert alert-success'} data-certificate-status={certificate.revoked ? 'revoked' : 'valid'}>
        <div class="alert-body">
          <p class="alert-heading" safe>
            {status}
          </p>
        </div>
      </div>
      <dl class="tilmeld-facts">
        <dt safe>{t('certificates.verify.name')}</dt>
        <dd safe>{certificate.participantName}</dd>
        <dt safe>{t('certificates.verify.course')}</dt>
        <dd safe>{certificate.courseTitle}</dd>
        <dt safe>{t('certificates.verify.dates')}</dt>
        <dd safe>{datesText(certificate.startsAt, certificate.endsAt, locale)}</dd>
        <dt safe>{t('certificates.verify.organiser')}</dt>
        <dd safe>{certificate.organiser}</dd>
        <dt safe>{t('certificates.verify.status')}</dt>
        <dd safe>{status}</dd>
        <dt safe>{t('certificates.verify.code')}</dt>
        <dd safe>{certificate.code}</dd>
      </dl>
    </PrivateLayout>
  );
}
