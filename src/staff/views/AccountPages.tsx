import type { AdminPageContext } from '../../admin/page.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { roleLabel } from '../roles.js';
import { Errors, SuccessNotice, titleWithErrors } from '../../web/admin/parts.js';
import type { FormError } from '../../web/forms/errors.js';
import { ChoiceGroup, errorMap } from '../../web/forms/fields.js';
import type { MessageKey } from '../../web/i18n.js';
import { CsrfField } from '../../web/views/CsrfField.js';
import type { TotpState } from '../account.service.js';
import { PasswordField } from './PasswordField.js';

export const ACCOUNT_NOTICES = {
  password: 'staff.account.saved.password',
  locale: 'staff.account.saved.locale',
  totpOn: 'staff.account.saved.totpOn',
  totpOff: 'staff.account.saved.totpOff',
} as const satisfies Record<string, MessageKey>;
export type AccountNotice = keyof typeof ACCOUNT_NOTICES;

export interface AccountPageProps {
  page: AdminPageContext;
  totp: TotpState;
  errors: ReadonlyArray<FormError>;
  notice?: AccountNotice | undefined;
}

function TotpSection({ page, totp, errors }: { page: AdminPageContext; totp: TotpState; errors: ReadonlyArray<FormError> }): JSX.Element {
  const { t } = page;
  if (totp === 'on') {
    return (
      <>
        <p safe>{t('staff.totp.on')}</p>
        <form method="post" action="/admin/account/totp/disable" novalidate>
          <CsrfField token={page.csrfToken} />
          <PasswordField
            page={page}
            id="totp-password"
            name="password"
            label={t('staff.totp.disablePassword')}
            errors={errorMap(errors)}
            autocomplete="current-password"
          />
          <button type="submit" class="button button-secondary" safe>
            {t('staff.totp.disable')}
          </button>
        </form>
      </>
    );
  }
  return (
    <>
      <p safe>{totp === 'pending' ? t('staff.totp.pending') : t('staff.totp.off')}</p>
      {totp === 'pending' ? (
        <p>
          <a href="/admin/account/totp" class="button button-primary" safe>
            {t('staff.totp.continue')}
          </a>
        </p>
      ) : (
        <form method="post" action="/admin/account/totp">
          <CsrfField token={page.csrfToken} />
          <button type="submit" class="button button-primary" safe>
            {t('staff.totp.start')}
          </button>
        </form>
      )}
    </>
  );
}

/** /admin/account: details, language, password, TOTP. */
export function AccountPage({ page, totp, errors, notice }: AccountPageProps): JSX.Element {
  const { t, staff } = page;
  const byField = errorMap(errors);
  return (
    <AdminLayout page={page} title={titleWithErrors(page, t('staff.account.title'), errors)}>
      <h1 safe>{t('staff.account.title')}</h1>
      <Errors page={page} errors={errors} />
      {notice ? <SuccessNotice text={t(ACCOUNT_NOTICES[notice])} /> : ''}
      <h2 safe>{t('staff.account.details')}</h2>
      <dl class="tilmeld-facts">
        <dt safe>{t('staff.account.name')}</dt>
        <dd safe>{staff.name}</dd>
        <dt safe>{t('staff.account.email')}</dt>
        <dd safe>{staff.email}</dd>
        <dt safe>{t('staff.account.role')}</dt>
        <dd safe>{t(roleLabel(staff.role))}</dd>
      </dl>

      <form method="post" action="/admin/account/locale">
        <CsrfField token={page.csrfToken} />
        <ChoiceGroup
          page={page}
          field="locale"
          name="locale"
          kind="radio"
          legend={t('staff.account.language')}
          errors={byField}
          choices={(['da', 'en'] as const).map((l) => ({ value: l, label: t(`staff.language.${l}`), checked: staff.locale === l }))}
        />
        <button type="submit" class="button button-secondary" safe>
          {t('staff.account.languageSave')}
        </button>
      </form>

      <h2 safe>{t('staff.password.heading')}</h2>
      <form method="post" action="/admin/account/password" novalidate>
        <CsrfField token={page.csrfToken} />
        <PasswordField page={page} id="current" name="current" label={t('staff.password.current')} errors={byField} autocomplete="current-password" />
        <PasswordField
          page={page}
          id="next"
          name="next"
          label={t('staff.password.new')}
          hint={t('staff.password.newHint')}
          errors={byField}
          autocomplete="new-password"
        />
        <PasswordField page={page} id="repeat" name="repeat" label={t('staff.password.repeat')} errors={byField} autocomplete="new-password" />
        <button type="submit" class="button button-primary" safe>
          {t('staff.password.submit')}
        </button>
      </form>

      <h2 safe>{t('staff.totp.heading')}</h2>
      <TotpSection page={page} totp={totp} errors={errors} />
    </AdminLayout>
  );
}

/** /admin/account/totp: the QR code and the code that confirms it. */
export function TotpSetupPage({
  page,
  qrDataUrl,
  secret,
  errors,
}: {
  page: AdminPageContext;
  qrDataUrl: string;
  secret: string;
  errors: ReadonlyArray<FormError>;
}): JSX.Element {
  const { t } = page;
  return (
    <AdminLayout page={page} title={titleWithErrors(page, t('staff.totp.setupTitle'), errors)}>
      <h1 safe>{t('staff.totp.setupTitle')}</h1>
      <Errors page={page} errors={errors} />
      <ol>
        <li>
          <p safe>{t('staff.totp.setupStep1')}</p>
          <p>
            <img src={qrDataUrl} alt={t('staff.totp.qrAlt')} width="232" height="232" class="tilmeld-qr" />
          </p>
          <p>
            <span safe>{t('staff.totp.manual')}</span>{' '}
            <code class="tilmeld-secret" safe>
              {secret}
            </code>
          </p>
        </li>
        <li>
          <p safe>{t('staff.totp.setupStep2')}</p>
          <form method="post" action="/admin/account/totp/confirm" novalidate>
            <CsrfField token={page.csrfToken} />
            <PasswordField
              page={page}
              id="code"
              name="code"
              label={t('staff.code.label')}
              hint={t('staff.code.hint')}
              errors={errorMap(errors)}
              autocomplete="one-time-code"
              numeric
            />
            <div class="tilmeld-form-actions">
              <button type="submit" class="button button-primary" safe>
                {t('staff.totp.confirm')}
              </button>
              <a href="/admin/account" class="button button-secondary" safe>
                {t('staff.totp.cancel')}
              </a>
            </div>
          </form>
        </li>
      </ol>
    </AdminLayout>
  );
}
