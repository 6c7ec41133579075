import type { AdminPageContext } from '../../admin/page.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { formatDate } from '../../lib/dates.js';
import { CsrfField } from '../../web/views/CsrfField.js';
import { DKFDS_PREFIX } from '../../web/assets.js';
import { errorMap, ErrorMessage, TextField } from '../../web/forms/fields.js';
import { ErrorSummary } from '../../web/forms/ErrorSummary.js';
import type { FormError } from '../../web/forms/errors.js';
import type { MemberJson } from '../members.service.js';
import { MEMBER_NAME_MAX, type MemberField } from '../members.schema.js';

export const MEMBERS_PATH = '/admin/settings/members';
export const MEMBERS_IMPORT_PATH = '/admin/settings/members/import';
export const memberDeletePath = (id: number) => `/admin/settings/members/${id}/delete`;

export type MemberFormValues = Record<MemberField, string>;

export interface MembersPageProps {
  page: AdminPageContext;
  members: MemberJson[];
  /** The add form as posted (with its errors), or empty. */
  values: MemberFormValues;
  addErrors: ReadonlyArray<FormError>;
  /** Every problem of a refused import, each pointing at the file field. */
  importErrors: ReadonlyArray<FormError>;
  notice: string | null;
}

/** A day stored as YYYY-MM-DD, shown as a Danish or English date. */
const day = (value: string, locale: 'da' | 'en') => formatDate(`${value}T12:00:00.000Z`, locale);

function validity(page: AdminPageContext, m: MemberJson): string {
  const { t, locale } = page;
  if (m.validFrom && m.validTo) return t('members.validity.between', { from: day(m.validFrom, locale), to: day(m.validTo, locale) });
  if (m.validFrom) return t('members.validity.from', { from: day(m.validFrom, locale) });
  if (m.validTo) return t('members.validity.to', { to: day(m.validTo, locale) });
  return t('members.validity.always');
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

/** /admin/settings/members: the member list, a form to add one, and the CSV import. */
export function MembersPage(p: MembersPageProps): JSX.Element {
  const { page } = p;
  const { t } = page;
  const errors = errorMap(p.addErrors);
  const allErrors = [...p.addErrors, ...p.importErrors];
  const field = (
    name: MemberField,
    o: { maxLength: number; width?: 'xs' | 's' | 'm' | 'l' | 'xl'; hint?: string; optional?: boolean; inputmode?: 'numeric' },
  ) => (
    <TextField
      page={page}
      field={name}
      name={name}
      label={t(`members.field.${name}`)}
      hint={o.hint}
      value={p.values[name]}
      errors={errors}
      optional={o.optional}
      maxLength={o.maxLength}
      width={o.width}
      inputmode={o.inputmode}
    />
  );
  return (
    <AdminLayout page={page} title={t('members.title')} section="settings">
      <h1 safe>{t('members.title')}</h1>
      {allErrors.length > 0 ? <ErrorSummary page={page} errors={allErrors} /> : ''}
      {p.notice && allErrors.length === 0 ? <SuccessNotice text={p.notice} /> : ''}
      <p class="font-lead" safe>
        {t('members.lede')}
      </p>

      {p.members.length === 0 ? (
        <p safe>{t('members.empty')}</p>
      ) : (
        <>
          <p safe>{t('members.count', { count: p.members.length })}</p>
          <div class="table--responsive-scroll">
            <table class="table table--borderless">
              <caption class="sr-only" safe>
                {t('members.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t('members.col.name')}
                  </th>
                  <th scope="col" safe>
                    {t('members.col.cvr')}
                  </th>
                  <th scope="col" safe>
                    {t('members.col.ean')}
                  </th>
                  <th scope="col" safe>
                    {t('members.col.validity')}
                  </th>
                  <th scope="col" safe>
                    {t('members.col.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.members.map((m) => (
                  <tr>
                    <th scope="row" safe>
                      {m.name}
                    </th>
                    <td safe>{m.cvr ?? ''}</td>
                    <td safe>{m.ean ?? ''}</td>
                    <td safe>{validity(page, m)}</td>
                    <td>
                      <form method="post" action={memberDeletePath(m.id)} class="tilmeld-inline-form">
                        <CsrfField token={page.csrfToken} />
                        <button type="submit" class="button button-secondary button-small" aria-label={t('members.deleteLabel', { name: m.name })} safe>
                          {t('members.delete')}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2 safe>{t('members.add.heading')}</h2>
      <form method="post" action={MEMBERS_PATH} novalidate>
        <CsrfField token={page.csrfToken} />
        {field('name', { maxLength: MEMBER_NAME_MAX, width: 'xl' })}
        {field('cvr', { maxLength: 20, width: 's', hint: t('members.hint.identifiers'), optional: true, inputmode: 'numeric' })}
        {field('ean', { maxLength: 30, width: 'm', optional: true, inputmode: 'numeric' })}
        {field('validFrom', { maxLength: 10, width: 's', hint: t('members.hint.date'), optional: true })}
        {field('validTo', { maxLength: 10, width: 's', hint: t('members.hint.date'), optional: true })}
        <button type="submit" class="button button-primary" safe>
          {t('members.add.submit')}
        </button>
      </form>

      <h2 safe>{t('members.import.heading')}</h2>
      <p safe>{t('members.import.text')}</p>
      <form method="post" action={MEMBERS_IMPORT_PATH} enctype="multipart/form-data" novalidate>
        <CsrfField token={page.csrfToken} />
        <div class={p.importErrors.length > 0 ? 'form-group form-error' : 'form-group'}>
          <label class="form-label" for="file" safe>
            {t('members.import.file')}
          </label>
          {p.importErrors.length > 0 ? <ErrorMessage page={page} id="file-error" message={t('members.import.failed')} /> : ''}
          <input
            type="file"
            id="file"
            name="file"
            accept=".csv,text/csv"
            aria-describedby={p.importErrors.length > 0 ? 'file-error' : undefined}
            aria-invalid={p.importErrors.length > 0 ? 'true' : undefined}
            aria-required="true"
          />
        </div>
        <button type="submit" class="button button-secondary" safe>
          {t('members.import.submit')}
        </button>
      </form>
    </AdminLayout>
  );
}
