import type { PageContext } from '../../web/page.js';
import { paths } from '../../web/paths.js';
import { formatDate } from '../../lib/dates.js';
import type { ArticleCardRow } from '../news.queries.js';
import { articleLang } from './content-language.js';

export function ArticleCard({ page, article, headingLevel = 3 }: { page: PageContext; article: ArticleCardRow; headingLevel?: 2 | 3 }): JSX.Element {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="card">
      <div class="card-content">
        <p class="card-subheading tilmeld-meta">
          <time datetime={article.published_at} safe>
            {formatDate(article.published_at, page.locale)}
          </time>
        </p>
        <Heading class="card-heading h3" lang={articleLang(page)}>
          <a href={paths.article(page.locale, article.slug)} safe>
            {article.headline}
          </a>
        </Heading>
        <p lang={articleLang(page)} safe>
          {article.lede}
        </p>
      </div>
    </div>
  );
}
