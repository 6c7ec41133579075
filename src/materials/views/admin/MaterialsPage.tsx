import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { formatDate } from '../../../lib/dates.js';
import { Done } from '../../../web/forms/ErrorSummary.js';
import { Pagination } from '../../../web/views/Pagination.js';
import { fileTypeLabel, formatFileSize } from '../../file-info.js';
import type { StaffMaterialItem } from '../../materials.admin.service.js';
import { adminMaterialPaths } from './paths.js';

export interface MaterialsPageProps {
  page: AdminPageContext;
  materials: StaffMaterialItem[];
  current: number;
  pageCount: number;
  filter: { event?: number; article?: number };
  /** The event's or article's title when the list is filtered. */
  ownerTitle?: string | undefined;
  notice?: string | undefined;
}

export function MaterialsPage(p: MaterialsPageProps): JSX.Element {
  const { page } = p;
  const { t, locale } = page;
  const owner = p.ownerTitle
    ? p.filter.event !== undefined
      ? t('materials.admin.owner.event', { title: p.ownerTitle })
      : t('materials.admin.owner.article', { title: p.ownerTitle })
    : undefined;
  const href = (n: number) => {
    const base = adminMaterialPaths.list(p.filter);
    return n === 1 ? base : `${base}${base.includes('?') ? '&' : '?'}page=${n}`;
  };
  return (
    <AdminLayout page={page} title={t('materials.admin.title')} section="materials">
      <h1 safe>{t('materials.admin.title')}</h1>
      {p.notice ? <Done text={p.notice} /> : ''}
      <p class="font-lead" safe>
        {t('materials.admin.lede')}
      </p>
      {owner ? (
        <p>
          <span safe>{t('materials.admin.filtered', { owner })}</span>{' '}
          <a href={adminMaterialPaths.list()} class="function-link" safe>
            {t('materials.admin.showAll')}
          </a>
        </p>
      ) : (
        ''
      )}
      <p>
        <a href={adminMaterialPaths.create(p.filter)} class="button button-primary" safe>
          {t('materials.admin.upload')}
        </a>
      </p>
      {p.materials.length === 0 ? (
        <p safe>{t('materials.admin.empty')}</p>
      ) : (
        <table class="table table--zebra">
          <caption class="sr-only" safe>
            {t('materials.admin.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('materials.admin.col.title')}
              </th>
              <th scope="col" safe>
                {t('materials.admin.col.file')}
              </th>
              <th scope="col" safe>
                {t('materials.admin.col.visibility')}
              </th>
              <th scope="col" safe>
                {t('materials.admin.col.owner')}
              </th>
              <th scope="col" safe>
                {t('materials.admin.col.uploaded')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.materials.map((m) => (
              <tr>
                <td>
                  <a href={adminMaterialPaths.material(m.id)} safe>
                    {m.title}
                  </a>
                </td>
                <td safe>{`${m.filename} (${fileTypeLabel(m.contentType, m.filename)}, ${formatFileSize(m.sizeBytes, locale)})`}</td>
                <td safe>{t(`materials.admin.visibilityShort.${m.visibility}`)}</td>
                <td>
                  {m.event ? (
                    <span class="tilmeld-owner" safe>
                      {t('materials.admin.owner.event', { title: m.event.title })}
                    </span>
                  ) : (
                    ''
                  )}
                  {m.event && m.article ? <br /> : ''}
                  {m.article ? (
                    <span class="tilmeld-owner" safe>
                      {t('materials.admin.owner.article', { title: m.article.title })}
                    </span>
                  ) : (
                    ''
                  )}
                </td>
                <td safe>{formatDate(m.createdAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} current={p.current} count={p.pageCount} href={href} />
    </AdminLayout>
  );
}
