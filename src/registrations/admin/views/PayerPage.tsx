import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import type { FormError } from '../../../web/forms/errors.js';
import { errorMap, TextField } from '../../../web/forms/fields.js';
import { ErrorSummary } from '../../../web/forms/ErrorSummary.js';
import { registrationPath } from './paths.js';

export const PAYER_FIELDS = ['organisation', 'cvr', 'ean', 'personReference', 'poNumber', 'address', 'postalCode', 'city', 'email'] as const;
export type PayerDraft = Record<(typeof PAYER_FIELDS)[number], string>;
const OPTIONAL = new Set(['cvr', 'ean', 'personReference', 'poNumber']);

export function payerPath(registrationId: number): string {
  return `${registrationPath(registrationId)}/payer`;
}

/** Change who pays: the sign-up's payer fields and rules; an invoiced booking is credited and invoiced again. */
export function PayerPage({
  page,
  registrationId,
  draft,
  invoiced,
  errors,
}: {
  page: AdminPageContext;
  registrationId: number;
  draft: PayerDraft;
  invoiced: boolean;
  errors: ReadonlyArray<FormError>;
}): JSX.Element {
  const { t } = page;
  const title = t('regAdmin.payer.title', { id: registrationId });
  const map = errorMap(errors);
  return (
    <AdminLayout page={page} title={(errors.length > 0 ? t('signup.errorPrefix') : '') + title} section="registrations">
      <p>
        <a href={registrationPath(registrationId)} class="back-link" safe>
          {t('regAdmin.detail.title', { id: registrationId })}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {errors.length > 0 ? <ErrorSummary page={page} errors={errors} /> : ''}
      <p safe>{t(invoiced ? 'regAdmin.payer.invoiced' : 'regAdmin.payer.notInvoiced')}</p>
      <form method="post" action={payerPath(registrationId)} novalidate>
        <CsrfField token={page.csrfToken} />
        {PAYER_FIELDS.map((f) => (
          <TextField
            page={page}
            field={`payer.${f}`}
            name={`payer[${f}]`}
            label={t(`regAdmin.payer.${f}`)}
            value={draft[f]}
            errors={map}
            maxLength={f === 'organisation' || f === 'address' || f === 'email' ? 200 : 60}
            optional={OPTIONAL.has(f)}
            type={f === 'email' ? 'email' : 'text'}
          />
        ))}
        <div class="tilmeld-form-actions">
          <button type="submit" class="button button-primary" safe>
            {t('regAdmin.payer.save')}
          </button>
          <a href={registrationPath(registrationId)} class="button button-secondary" safe>
            {t('regAdmin.payer.cancel')}
          </a>
        </div>
      </form>
    </AdminLayout>
  );
}
