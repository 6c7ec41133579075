import type { AdminPageContext } from '../../admin/page.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { Errors, SuccessNotice, titleWithErrors } from '../../web/admin/parts.js';
import { formatDate, formatTime } from '../../lib/dates.js';
import type { FormError } from '../../web/forms/errors.js';
import { errorMap, ErrorMessage, TextField } from '../../web/forms/fields.js';
import { CsrfField } from '../../web/views/CsrfField.js';

export interface TokenRow {
  id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  email: string;
  userName: string;
}

export interface UserChoice {
  id: number;
  name: string;
  email: string;
}

const when = (iso: string, locale: 'da' | 'en') => `${formatDate(iso, locale)} ${formatTime(iso, locale)}`;

/** A list of links to the settings pages that exist. */
export function SettingsPage({
  page,
  entries,
}: {
  page: AdminPageContext;
  entries: ReadonlyArray<{ href: string; title: string; description: string }>;
}): JSX.Element {
  const { t } = page;
  return (
    <AdminLayout page={page} title={t('settings.title')} section="settings">
      <h1 safe>{t('settings.title')}</h1>
      <ul class="nobullet-list tilmeld-summary-list">
        {entries.map((e) => (
          <li>
            <a href={e.href} class="h3" safe>
              {e.title}
            </a>
            <p safe>{e.description}</p>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}

export function TokensPage(p: {
  page: AdminPageContext;
  tokens: ReadonlyArray<TokenRow>;
  users: ReadonlyArray<UserChoice>;
  errors: ReadonlyArray<FormError>;
  form: { name: string; user: string };
  revoked?: boolean;
}): JSX.Element {
  const { page, tokens, users, errors, form } = p;
  const { t, locale } = page;
  const byField = errorMap(errors);
  const userError = byField.get('user');
  return (
    <AdminLayout page={page} title={titleWithErrors(page, t('tokens.title'), errors)} section="settings">
      <h1 safe>{t('tokens.title')}</h1>
      <Errors page={page} errors={errors} />
      {p.revoked ? <SuccessNotice text={t('tokens.revokedNotice')} /> : ''}
      <p class="font-lead" safe>
        {t('tokens.lede')}
      </p>
      {tokens.length === 0 ? (
        <p safe>{t('tokens.none')}</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--borderless">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('tokens.name')}
                </th>
                <th scope="col" safe>
                  {t('tokens.user')}
                </th>
                <th scope="col" safe>
                  {t('tokens.created')}
                </th>
                <th scope="col" safe>
                  {t('tokens.lastUsed')}
                </th>
                <th scope="col" safe>
                  {t('tokens.status')}
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr>
                  <td safe>{token.name}</td>
                  <td safe>{`${token.userName} (${token.email})`}</td>
                  <td safe>{when(token.created_at, locale)}</td>
                  <td safe>{token.last_used_at ? when(token.last_used_at, locale) : t('tokens.never')}</td>
                  <td>
                    {token.revoked_at ? (
                      <span safe>{t('tokens.revoked', { date: formatDate(token.revoked_at, locale) })}</span>
                    ) : (
                      <form method="post" action={`/admin/settings/tokens/${token.id}/revoke`} class="tilmeld-inline-form">
                        <CsrfField token={page.csrfToken} />
                        <button type="submit" class="button button-secondary button-small" aria-label={t('tokens.revokeLabel', { name: token.name })} safe>
                          {t('tokens.revoke')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 safe>{t('tokens.createHeading')}</h2>
      <form method="post" action="/admin/settings/tokens" novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField
          page={page}
          field="name"
          name="name"
          label={t('tokens.name')}
          hint={t('tokens.nameHint')}
          value={form.name}
          errors={byField}
          maxLength={100}
        />
        <div class={userError ? 'form-group form-error' : 'form-group'}>
          <label class="form-label" for="user" safe>
            {t('tokens.user')}
          </label>
          {userError ? <ErrorMessage page={page} id="user-error" message={userError.message} /> : ''}
          <select
            class="form-select"
            id="user"
            name="user"
            aria-describedby={userError ? 'user-error' : undefined}
            aria-invalid={userError ? 'true' : undefined}
          >
            <option value=""></option>
            {users.map((u) => (
              <option value={String(u.id)} selected={form.user === String(u.id)} safe>
                {`${u.name} (${u.email})`}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button-primary" safe>
          {t('tokens.create')}
        </button>
      </form>
    </AdminLayout>
  );
}

export function TokenCreatedPage({ page, token, name }: { page: AdminPageContext; token: string; name: string }): JSX.Element {
  const { t } = page;
  return (
    <AdminLayout page={page} title={t('tokens.createdTitle')} section="settings">
      <h1 safe>{t('tokens.createdTitle')}</h1>
      <p class="font-lead" safe>
        {t('tokens.createdBody')}
      </p>
      <p safe>{name}</p>
      <p>
        <code class="tilmeld-secret" id="new-token" safe>
          {token}
        </code>
      </p>
      <p>
        <a href="/admin/settings/tokens" class="button button-secondary" safe>
          {t('tokens.back')}
        </a>
      </p>
    </AdminLayout>
  );
}
