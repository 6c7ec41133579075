import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { Done } from '../../../web/forms/ErrorSummary.js';
import { Pagination } from '../../../web/views/Pagination.js';
import type { ArticleState } from '../../news.admin.form.js';
import { adminNewsPaths, dateTime, StateBadge } from './parts.js';

export interface ArticleListItem {
  id: number;
  headline: string;
  state: ArticleState;
  publishedAt: string | null;
  updatedAt: string;
}

export function ArticlesPage({
  page,
  articles,
  current,
  pageCount,
  notice,
}: {
  page: AdminPageContext;
  articles: ArticleListItem[];
  current: number;
  pageCount: number;
  notice?: string | undefined;
}): JSX.Element {
  const { t, locale } = page;
  return (
    <AdminLayout page={page} title={t('news.admin.title')} section="news">
      <h1 safe>{t('news.admin.title')}</h1>
      {notice ? <Done text={notice} /> : ''}
      <p class="font-lead" safe>
        {t('news.admin.lede')}
      </p>
      <p>
        <a href={adminNewsPaths.create()} class="button button-primary" safe>
          {t('news.admin.new')}
        </a>
      </p>
      {articles.length === 0 ? (
        <p safe>{t('news.admin.empty')}</p>
      ) : (
        <table class="table table--zebra">
          <caption class="sr-only" safe>
            {t('news.admin.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('news.admin.col.headline')}
              </th>
              <th scope="col" safe>
                {t('news.admin.col.status')}
              </th>
              <th scope="col" safe>
                {t('news.admin.col.updated')}
              </th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr>
                <td>
                  <a href={adminNewsPaths.article(a.id)} lang="da" safe>
                    {a.headline}
                  </a>
                </td>
                <td>
                  <StateBadge page={page} state={a.state} publishedAt={a.publishedAt} />
                </td>
                <td safe>{dateTime(a.updatedAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} current={current} count={pageCount} href={(n) => (n === 1 ? adminNewsPaths.list() : `${adminNewsPaths.list()}?page=${n}`)} />
    </AdminLayout>
  );
}
