import type { AdminPageContext } from '../../admin/page.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { CsrfField } from '../../web/views/CsrfField.js';
import { ErrorMessage, errorMap, SingleCheckbox, TextField } from '../../web/forms/fields.js';
import { ErrorSummary, Notice } from '../../web/forms/ErrorSummary.js';
import type { FormError } from '../../web/forms/errors.js';
import type { MessageKey } from '../../web/i18n.js';
import { IDENTITY_LIMITS, IDENTITY_FIELDS } from '../identity.schema.js';

export const IDENTITY_PATH = '/admin/settings/identity';

export type IdentityFormValues = Record<(typeof IDENTITY_FIELDS)[number], string>;

export interface IdentityPageProps {
  page: AdminPageContext;
  values: IdentityFormValues;
  errors: ReadonlyArray<FormError>;
  /** The logo's path when there is one. */
  logoPath: string | null;
  configured: boolean;
  saved: boolean;
}

interface Spec {
  field: (typeof IDENTITY_FIELDS)[number];
  maxLength: number;
  optional?: boolean;
  hint?: boolean;
  type?: 'text' | 'email' | 'tel';
  width?: 's' | 'm' | 'l' | 'xl';
  autocomplete?: string;
}

const NAME: Spec = { field: 'name', maxLength: IDENTITY_LIMITS.name, hint: true, width: 'xl', autocomplete: 'organization' };
const CONTACT: Spec[] = [
  { field: 'contactEmail', maxLength: IDENTITY_LIMITS.email, type: 'email', width: 'l', autocomplete: 'email' },
  { field: 'contactPhone', maxLength: IDENTITY_LIMITS.phone, type: 'tel', width: 'm', optional: true, hint: true, autocomplete: 'tel' },
  { field: 'contactAddress', maxLength: IDENTITY_LIMITS.address, width: 'xl', optional: true, hint: true, autocomplete: 'street-address' },
];
const MAIL: Spec[] = [
  { field: 'mailReplyTo', maxLength: IDENTITY_LIMITS.email, type: 'email', width: 'l', optional: true, hint: true },
  { field: 'privacyContact', maxLength: IDENTITY_LIMITS.privacyContact, width: 'xl', optional: true, hint: true },
];

/** /admin/settings/identity: the organiser's name, logo and contact details, with DKFDS errors beside each field and in the summary. */
export function IdentityPage(p: IdentityPageProps): JSX.Element {
  const { page } = p;
  const { t } = page;
  const errors = errorMap(p.errors);
  const logoError = p.errors.find((e) => e.key === 'logo');
  const field = (spec: Spec) => (
    <TextField
      page={page}
      field={spec.field}
      name={spec.field}
      label={t(`identity.field.${spec.field}` as MessageKey)}
      hint={spec.hint ? t(`identity.hint.${spec.field}` as MessageKey) : undefined}
      value={p.values[spec.field]}
      errors={errors}
      optional={spec.optional}
      maxLength={spec.maxLength}
      width={spec.width}
      type={spec.type}
      autocomplete={spec.autocomplete}
    />
  );
  return (
    <AdminLayout page={page} title={t('identity.title')} section="settings">
      <h1 safe>{t('identity.title')}</h1>
      {p.errors.length > 0 ? <ErrorSummary page={page} errors={p.errors} /> : ''}
      {p.saved && p.errors.length === 0 ? (
        <Notice kind="info" focus>
          <p safe>{t('identity.saved')}</p>
        </Notice>
      ) : (
        ''
      )}
      {!p.configured && !p.saved ? (
        <Notice kind="warning">
          <p safe>{t('identity.notConfigured')}</p>
        </Notice>
      ) : (
        ''
      )}
      <p class="font-lead" safe>
        {t('identity.lede')}
      </p>
      <form method="post" action={IDENTITY_PATH} enctype="multipart/form-data" novalidate>
        <CsrfField token={page.csrfToken} />
        <fieldset>
          <legend class="h2" safe>
            {t('identity.section.name')}
          </legend>
          {field(NAME)}
          <div class={logoError ? 'form-group form-error' : 'form-group'}>
            <label class="form-label" for="logo">
              <span safe>{t('identity.field.logo')}</span>
              <span class="tilmeld-field-note" safe>{` ${t('signup.optional')}`}</span>
            </label>
            <span class="form-hint" id="logo-hint" safe>
              {t('identity.hint.logo')}
            </span>
            {logoError ? <ErrorMessage page={page} id="logo-error" message={logoError.message} /> : ''}
            <input
              type="file"
              id="logo"
              name="logo"
              accept=".png,.svg,image/png,image/svg+xml"
              aria-describedby={logoError ? 'logo-hint logo-error' : 'logo-hint'}
              aria-invalid={logoError ? 'true' : undefined}
            />
          </div>
          {p.logoPath ? (
            <div class="form-group">
              <p class="form-label" safe>
                {t('identity.logo.current')}
              </p>
              <img src={p.logoPath} alt={t('identity.logo.alt', { name: p.values.name })} height="60" class="tilmeld-logo-preview" />
              <SingleCheckbox page={page} field="removeLogo" name="removeLogo" label={t('identity.logo.remove')} checked={false} errors={errors} />
            </div>
          ) : (
            <p safe>{t('identity.logo.none')}</p>
          )}
        </fieldset>
        <fieldset>
          <legend class="h2" safe>
            {t('identity.section.contact')}
          </legend>
          {CONTACT.map(field)}
        </fieldset>
        <fieldset>
          <legend class="h2" safe>
            {t('identity.section.mail')}
          </legend>
          {MAIL.map(field)}
        </fieldset>
        <button type="submit" class="button button-primary" safe>
          {t('identity.save')}
        </button>
      </form>
    </AdminLayout>
  );
}
