import type { AdminPageContext } from '../../admin/page.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { CsrfField } from '../../web/views/CsrfField.js';
import { ChoiceGroup, errorMap, TextField, type ErrorMap } from '../../web/forms/fields.js';
import { ErrorSummary, Notice } from '../../web/forms/ErrorSummary.js';
import type { FormError } from '../../web/forms/errors.js';
import type { MessageKey } from '../../web/i18n.js';
import { DKFDS_PREFIX } from '../../web/assets.js';
import { SETTINGS_LIMITS, type SettingsField } from '../settings.schema.js';
import { INVOICE_ISSUE_TIMINGS } from '../settings.js';

export const ORGANISER_SETTINGS_PATH = '/admin/settings/organiser';

export type SettingsFormValues = Record<SettingsField, string>;

export interface OrganiserSettingsPageProps {
  page: AdminPageContext;
  values: SettingsFormValues;
  errors: ReadonlyArray<FormError>;
  /** The number the next invoice gets now; null while invoicing is not installed. */
  nextInvoiceNumber: number | null;
  configured: boolean;
  saved: boolean;
}

function SuccessNotice({ text }: { text: string }): JSX.Element {
  return (
    <div class="alert alert-success" role="status">
      <svg class="icon-svg alert-icon" focusable="false" aria-hidden="true">
        <use href={`${DKFDS_PREFIX}/img/all-svg-icons.svg#check-circle`}></use>
      </svg>
      <div class="alert-body">
        <p class="alert-text" safe>
          {text}
        </p>
      </div>
    </div>
  );
}

interface FieldSpec {
  field: SettingsField;
  maxLength: number;
  optional?: boolean;
  hint?: boolean;
  width?: 'xs' | 's' | 'm' | 'l' | 'xl';
  type?: 'text' | 'email';
  inputmode?: 'numeric' | 'email' | 'text';
  autocomplete?: string;
}

function Field({
  page,
  spec,
  values,
  errors,
  hintVars,
}: {
  page: AdminPageContext;
  spec: FieldSpec;
  values: SettingsFormValues;
  errors: ErrorMap;
  hintVars?: Record<string, string | number>;
}): JSX.Element {
  const { t } = page;
  return (
    <TextField
      page={page}
      field={spec.field}
      name={spec.field}
      label={t(`organiser.field.${spec.field}` as MessageKey)}
      hint={spec.hint ? t(`organiser.hint.${spec.field}` as MessageKey, hintVars) : undefined}
      value={values[spec.field]}
      errors={errors}
      optional={spec.optional}
      maxLength={spec.maxLength}
      width={spec.width}
      type={spec.type}
      inputmode={spec.inputmode}
      autocomplete={spec.autocomplete}
    />
  );
}

const ORGANISATION: FieldSpec[] = [
  { field: 'legalName', maxLength: SETTINGS_LIMITS.legalName, hint: true, autocomplete: 'organization' },
  { field: 'address', maxLength: SETTINGS_LIMITS.address, autocomplete: 'street-address' },
  { field: 'postalCode', maxLength: SETTINGS_LIMITS.postalCode, width: 's', autocomplete: 'postal-code' },
  { field: 'city', maxLength: SETTINGS_LIMITS.city, width: 'l', autocomplete: 'address-level2' },
  { field: 'countryCode', maxLength: 2, width: 'xs', hint: true },
  { field: 'cvr', maxLength: 20, width: 's', hint: true, inputmode: 'numeric' },
  { field: 'gln', maxLength: 30, width: 'm', hint: true, inputmode: 'numeric' },
];

const BANK: FieldSpec[] = [
  { field: 'bankRegNo', maxLength: 10, width: 'xs', hint: true, inputmode: 'numeric', optional: true },
  { field: 'bankAccountNo', maxLength: 20, width: 'm', hint: true, inputmode: 'numeric', optional: true },
  { field: 'iban', maxLength: 50, width: 'l', hint: true, optional: true },
  { field: 'bic', maxLength: 11, width: 's', optional: true },
  { field: 'paymentTermsDays', maxLength: 3, width: 'xs', hint: true, inputmode: 'numeric' },
];

/** /admin/settings/organiser: the seller on every invoice, with DKFDS errors beside each field and in the summary. */
export function OrganiserSettingsPage(p: OrganiserSettingsPageProps): JSX.Element {
  const { page } = p;
  const { t } = page;
  const errors = errorMap(p.errors);
  const field = (spec: FieldSpec, hintVars?: Record<string, string | number>) => (
    <Field page={page} spec={spec} values={p.values} errors={errors} hintVars={hintVars} />
  );
  return (
    <AdminLayout page={page} title={t('organiser.title')} section="settings">
      <h1 safe>{t('organiser.title')}</h1>
      {p.errors.length > 0 ? <ErrorSummary page={page} errors={p.errors} /> : ''}
      {p.saved && p.errors.length === 0 ? <SuccessNotice text={t('organiser.saved')} /> : ''}
      {!p.configured && !p.saved ? (
        <Notice kind="warning">
          <p safe>{t('organiser.notConfigured')}</p>
        </Notice>
      ) : (
        ''
      )}
      <p class="font-lead" safe>
        {t('organiser.lede')}
      </p>
      <form method="post" action={ORGANISER_SETTINGS_PATH} novalidate>
        <CsrfField token={page.csrfToken} />
        <fieldset>
          <legend class="h2" safe>
            {t('organiser.section.organisation')}
          </legend>
          {ORGANISATION.map((spec) => field(spec))}
        </fieldset>
        <fieldset>
          <legend class="h2" safe>
            {t('organiser.section.bank')}
          </legend>
          {BANK.map((spec) => field(spec))}
        </fieldset>
        <fieldset>
          <legend class="h2" safe>
            {t('organiser.section.invoices')}
          </legend>
          {field({ field: 'invoiceNumberPrefix', maxLength: SETTINGS_LIMITS.prefix, width: 's', hint: true, optional: true })}
          {p.nextInvoiceNumber !== null
            ? field({ field: 'nextInvoiceNumber', maxLength: 9, width: 's', hint: true, optional: true, inputmode: 'numeric' }, { next: p.nextInvoiceNumber })
            : ''}
          <ChoiceGroup
            page={page}
            field="invoiceIssueTiming"
            name="invoiceIssueTiming"
            legend={t('organiser.field.invoiceIssueTiming')}
            kind="radio"
            errors={errors}
            choices={INVOICE_ISSUE_TIMINGS.map((timing) => ({
              value: timing,
              label: t(`organiser.timing.${timing}`),
              checked: p.values.invoiceIssueTiming === timing,
            }))}
          />
          {field({ field: 'invoiceEmailFrom', maxLength: SETTINGS_LIMITS.email, type: 'email', inputmode: 'email', width: 'l' })}
          {field({ field: 'invoiceEmailReplyTo', maxLength: SETTINGS_LIMITS.email, type: 'email', inputmode: 'email', width: 'l', optional: true })}
        </fieldset>
        <button type="submit" class="button button-primary" safe>
          {t('organiser.save')}
        </button>
      </form>
    </AdminLayout>
  );
}
