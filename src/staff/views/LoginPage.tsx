import type { PageContext } from '../../web/page.js';
import { CsrfField } from '../../web/views/CsrfField.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { attr, errorMap, TextField } from '../../web/forms/fields.js';
import { ErrorSummary } from '../../web/forms/ErrorSummary.js';
import type { FormError } from '../../web/forms/errors.js';
import { loginUrl } from '../guard.js';
import { PasswordField } from './PasswordField.js';

export interface LoginPageProps {
  page: PageContext;
  email: string;
  next: string;
  errors: ReadonlyArray<FormError>;
  csrfToken: string;
  loggedOut?: boolean;
}

export function LoginPage({ page, email, next, errors, csrfToken, loggedOut }: LoginPageProps): JSX.Element {
  const { t, locale } = page;
  const errorsByField = errorMap(errors);
  return (
    <AdminLayout page={page} title={(errors.length > 0 ? t('signup.errorPrefix') : '') + t('staff.login.title')}>
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <h1 safe>{t('staff.login.title')}</h1>
          {errors.length > 0 ? <ErrorSummary page={page} errors={errors} /> : ''}
          {loggedOut ? (
            <div class="alert alert-success" role="status">
              <div class="alert-body">
                <p class="alert-text" safe>
                  {t('staff.login.loggedOut')}
                </p>
              </div>
            </div>
          ) : (
            ''
          )}
          <p class="font-lead" safe>
            {t('staff.login.lede')}
          </p>
          <form method="post" action={loginUrl(undefined, locale)} novalidate>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="next" value={attr(next)} />
            <TextField
              page={page}
              field="email"
              name="email"
              label={t('staff.login.email')}
              value={email}
              errors={errorsByField}
              type="email"
              autocomplete="username"
              maxLength={254}
            />
            <PasswordField page={page} id="password" name="password" label={t('staff.login.password')} errors={errorsByField} autocomplete="current-password" />
            <div class="tilmeld-form-actions">
              <button type="submit" class="button button-primary" safe>
                {t('staff.login.submit')}
              </button>
            </div>
          </form>
          <p lang={locale === 'da' ? 'en' : 'da'}>
            <a href={loginUrl(next, locale === 'da' ? 'en' : 'da')} class="function-link" safe>
              {t('staff.login.otherLanguage')}
            </a>
          </p>
        </div>
      </div>
    </AdminLayout>
  );
}

/** The second step for accounts with TOTP. */
export function LoginCodePage({
  page,
  next,
  errors,
  csrfToken,
}: {
  page: PageContext;
  next: string;
  errors: ReadonlyArray<FormError>;
  csrfToken: string;
}): JSX.Element {
  const { t, locale } = page;
  const action = locale === 'en' ? '/admin/login/code?lang=en' : '/admin/login/code';
  return (
    <AdminLayout page={page} title={(errors.length > 0 ? t('signup.errorPrefix') : '') + t('staff.code.title')}>
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <h1 safe>{t('staff.code.title')}</h1>
          {errors.length > 0 ? <ErrorSummary page={page} errors={errors} /> : ''}
          <p class="font-lead" safe>
            {t('staff.code.lede')}
          </p>
          <form method="post" action={action} novalidate>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="next" value={attr(next)} />
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
                {t('staff.code.submit')}
              </button>
            </div>
          </form>
          <p>
            <a href={loginUrl(next, locale)} class="function-link" safe>
              {t('staff.code.restart')}
            </a>
          </p>
        </div>
      </div>
    </AdminLayout>
  );
}
