import type { PageContext } from '../../web/page.js';
import { paths } from '../../web/paths.js';
import { Layout } from '../../web/views/Layout.js';
import type { NewsPage } from '../news.service.js';
import { ArticleCard } from './ArticleCard.js';
import { Pagination } from '../../web/views/Pagination.js';

export function newsPageHref(locale: PageContext['locale'], n: number): string {
  return n === 1 ? paths.news(locale) : `${paths.news(locale)}?page=${n}`;
}

export function NewsListPage({ page, news }: { page: PageContext; news: NewsPage }): JSX.Element {
  const { t, locale } = page;
  const title = news.page === 1 ? t('news.title') : t('news.titleWithPage', { page: news.page });
  const head = <link rel="canonical" href={page.baseUrl + newsPageHref(locale, news.page)} />;
  return (
    <Layout page={page} title={title} description={t('news.lede')} head={head}>
      <h1 safe>{t('news.title')}</h1>
      <p class="font-lead" safe>
        {t('news.lede')}
      </p>
      {news.articles.length === 0 ? (
        <p safe>{t('news.empty')}</p>
      ) : (
        <ul class="tilmeld-cards">
          {news.articles.map((article) => (
            <li>
              <ArticleCard page={page} article={article} headingLevel={2} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} current={news.page} count={news.pageCount} href={(n) => newsPageHref(locale, n)} />
      <p>
        <a href={paths.newsFeed(locale)} class="function-link" type="application/rss+xml" safe>
          {t('news.feed.subscribe')}
        </a>
      </p>
    </Layout>
  );
}
