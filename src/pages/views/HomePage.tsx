import { siteName, type PageContext } from '../../web/page.js';
import { paths } from '../../web/paths.js';
import { Layout } from '../../web/views/Layout.js';
import { EventCard, type EventCardData } from '../../events/index.js';
import { ArticleCard } from '../../news/index.js';
import type { ArticleCardRow } from '../../news/index.js';
import { FrontSearch } from '../../events/index.js';

export function HomePage({ page, events, articles }: { page: PageContext; events: EventCardData[]; articles: ArticleCardRow[] }): JSX.Element {
  const { t, locale } = page;
  return (
    <Layout page={page} title={siteName(page)} description={t('home.lede')}>
      <h1 safe>{t('home.title')}</h1>
      <p class="font-lead" safe>
        {t('home.lede')}
      </p>
      <FrontSearch page={page} />

      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading" safe>
          {t('home.upcoming')}
        </h2>
        {events.length === 0 ? (
          <p safe>{t('home.noEvents')}</p>
        ) : (
          <ul class="tilmeld-cards">
            {events.map((event) => (
              <li>
                <EventCard page={page} event={event} />
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={paths.events(locale)} class="function-link" safe>
            {t('home.allEvents')}
          </a>
        </p>
      </section>

      <section aria-labelledby="news-heading">
        <h2 id="news-heading" safe>
          {t('home.latestNews')}
        </h2>
        {articles.length === 0 ? (
          <p safe>{t('home.noNews')}</p>
        ) : (
          <ul class="tilmeld-cards">
            {articles.map((article) => (
              <li>
                <ArticleCard page={page} article={article} />
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={paths.news(locale)} class="function-link" safe>
            {t('home.allNews')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
