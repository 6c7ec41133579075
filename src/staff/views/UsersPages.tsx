import type { AdminPageContext } from '../../admin/page.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { roleLabel } from '../roles.js';
import { Errors, SuccessNotice, titleWithErrors } from '../../web/admin/parts.js';
import { formatDate } from '../../lib/dates.js';
import type { FormError } from '../../web/forms/errors.js';
import { ChoiceGroup, errorMap, SingleCheckbox, TextField } from '../../web/forms/fields.js';
import type { MessageKey } from '../../web/i18n.js';
import { CsrfField } from '../../web/views/CsrfField.js';
import { ROLES, type Role } from '../roles.js';
import { PasswordField } from './PasswordField.js';

export interface UserListRow {
  id: number;
  name: string;
  email: string;
  role: Role;
  disabled_at: string | null;
  totp_secret: string | null;
  totp_pending: number;
}

export const USER_NOTICES = { saved: 'users.saved', created: 'users.created', totpReset: 'users.totpReset' } as const satisfies Record<string, MessageKey>;
export type UserNotice = keyof typeof USER_NOTICES;

export function UsersListPage({ page, users }: { page: AdminPageContext; users: ReadonlyArray<UserListRow> }): JSX.Element {
  const { t } = page;
  return (
    <AdminLayout page={page} title={t('users.title')} section="users">
      <h1 safe>{t('users.title')}</h1>
      <p>
        <a href="/admin/users/new" class="button button-primary" safe>
          {t('users.new')}
        </a>
      </p>
      <div class="table--responsive-scroll">
        <table class="table table--borderless">
          <thead>
            <tr>
              <th scope="col" safe>
                {t('users.name')}
              </th>
              <th scope="col" safe>
                {t('users.email')}
              </th>
              <th scope="col" safe>
                {t('users.role')}
              </th>
              <th scope="col" safe>
                {t('users.status')}
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <td>
                  <a href={`/admin/users/${u.id}`} safe>
                    {u.name}
                  </a>
                </td>
                <td safe>{u.email}</td>
                <td safe>{t(roleLabel(u.role))}</td>
                <td safe>
                  {[u.disabled_at ? t('users.disabled') : t('users.active'), u.totp_secret && !u.totp_pending ? t('users.totpOn') : '']
                    .filter(Boolean)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}

const roleChoices = (page: AdminPageContext, current: string) => ROLES.map((r) => ({ value: r, label: page.t(roleLabel(r)), checked: current === r }));
const localeChoices = (page: AdminPageContext, current: string) =>
  (['da', 'en'] as const).map((l) => ({ value: l, label: page.t(`staff.language.${l}`), checked: current === l }));

export interface NewUserForm {
  email: string;
  name: string;
  role: string;
  locale: string;
}

export function NewUserPage({ page, form, errors }: { page: AdminPageContext; form: NewUserForm; errors: ReadonlyArray<FormError> }): JSX.Element {
  const { t } = page;
  const byField = errorMap(errors);
  return (
    <AdminLayout page={page} title={titleWithErrors(page, t('users.new'), errors)} section="users">
      <h1 safe>{t('users.new')}</h1>
      <Errors page={page} errors={errors} />
      <form method="post" action="/admin/users" novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField
          page={page}
          field="email"
          name="email"
          label={t('users.email')}
          value={form.email}
          errors={byField}
          type="email"
          autocomplete="off"
          maxLength={254}
        />
        <TextField page={page} field="name" name="name" label={t('users.name')} value={form.name} errors={byField} maxLength={200} autocomplete="off" />
        <ChoiceGroup page={page} field="role" name="role" kind="radio" legend={t('users.role')} errors={byField} choices={roleChoices(page, form.role)} />
        <ChoiceGroup
          page={page}
          field="locale"
          name="locale"
          kind="radio"
          legend={t('users.language')}
          errors={byField}
          choices={localeChoices(page, form.locale)}
        />
        <PasswordField
          page={page}
          id="password"
          name="password"
          label={t('users.password')}
          hint={t('users.passwordHint')}
          errors={byField}
          autocomplete="new-password"
        />
        <div class="tilmeld-form-actions">
          <button type="submit" class="button button-primary" safe>
            {t('users.create')}
          </button>
          <a href="/admin/users" class="button button-secondary" safe>
            {t('users.back')}
          </a>
        </div>
      </form>
    </AdminLayout>
  );
}

export interface EditUserProps {
  page: AdminPageContext;
  user: { id: number; email: string; name: string; role: string; locale: string; disabled: boolean; totp: boolean; createdAt: string };
  events: ReadonlyArray<{ id: number; title: string; starts_at: string }>;
  assigned: ReadonlyArray<number>;
  errors: ReadonlyArray<FormError>;
  notice?: UserNotice | undefined;
}

export function EditUserPage({ page, user, events, assigned, errors, notice }: EditUserProps): JSX.Element {
  const { t, locale } = page;
  const byField = errorMap(errors);
  const chosen = new Set(assigned);
  const title = t('users.edit', { name: user.name });
  return (
    <AdminLayout page={page} title={titleWithErrors(page, title, errors)} section="users">
      <h1 safe>{title}</h1>
      <Errors page={page} errors={errors} />
      {notice ? <SuccessNotice text={t(USER_NOTICES[notice])} /> : ''}
      <p safe>{user.email}</p>
      <form method="post" action={`/admin/users/${user.id}`} novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField page={page} field="name" name="name" label={t('users.name')} value={user.name} errors={byField} maxLength={200} autocomplete="off" />
        <ChoiceGroup page={page} field="role" name="role" kind="radio" legend={t('users.role')} errors={byField} choices={roleChoices(page, user.role)} />
        <ChoiceGroup
          page={page}
          field="locale"
          name="locale"
          kind="radio"
          legend={t('users.language')}
          errors={byField}
          choices={localeChoices(page, user.locale)}
        />
        <div class="form-group">
          <label class="form-label" for="events" safe>
            {t('users.events')}
          </label>
          <span class="form-hint" id="events-hint" safe>
            {t('users.eventsHint')}
          </span>
          <select class="form-select" id="events" name="events" multiple="multiple" size="8" aria-describedby="events-hint">
            {events.map((e) => (
              <option value={String(e.id)} selected={chosen.has(e.id)} safe>
                {`${e.title} (${formatDate(e.starts_at, locale)})`}
              </option>
            ))}
          </select>
        </div>
        <SingleCheckbox page={page} field="disabled" name="disabled" label={t('users.disable')} checked={user.disabled} errors={byField} />
        <div class="tilmeld-form-actions">
          <button type="submit" class="button button-primary" safe>
            {t('users.save')}
          </button>
          <a href="/admin/users" class="button button-secondary" safe>
            {t('users.back')}
          </a>
        </div>
      </form>
      {user.totp ? (
        <form method="post" action={`/admin/users/${user.id}/reset-totp`}>
          <CsrfField token={page.csrfToken} />
          <h2 safe>{t('users.totpOn')}</h2>
          <p safe>{t('users.resetTotpHint')}</p>
          <button type="submit" class="button button-secondary" safe>
            {t('users.resetTotp')}
          </button>
        </form>
      ) : (
        ''
      )}
    </AdminLayout>
  );
}
