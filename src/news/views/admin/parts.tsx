import type { AdminPageContext } from '../../../admin/page.js';
import { dateTime } from '../../../lib/dates.js';
import type { ArticleState } from '../../news.admin.form.js';

export const adminNewsPaths = {
  list: () => '/admin/news',
  create: () => '/admin/news/new',
  article: (id: number) => `/admin/news/${id}`,
  unpublish: (id: number) => `/admin/news/${id}/unpublish`,
  remove: (id: number) => `/admin/news/${id}/delete`,
};

export { dateTime };

/** "Kladde", "Planlagt til …", "Offentliggjort …" as a DKFDS badge. */
export function StateBadge({ page, state, publishedAt }: { page: AdminPageContext; state: ArticleState; publishedAt: string | null }): JSX.Element {
  const { t, locale } = page;
  const when = publishedAt ? dateTime(publishedAt, locale) : '';
  const text =
    state === 'draft'
      ? t('news.admin.status.draft')
      : state === 'scheduled'
        ? t('news.admin.status.scheduled', { when })
        : t('news.admin.status.published', { when });
  const kind = state === 'draft' ? 'badge' : state === 'scheduled' ? 'badge badge-info' : 'badge badge-success';
  return (
    <span class={kind} safe>
      {text}
    </span>
  );
}
