import type { PageContext } from '../../web/page.js';
import { paths } from '../../web/paths.js';
import { MAX_SEARCH_LENGTH } from '../catalogue.js';

/** The front page's search box: a plain GET to the catalogue, which ranks the results. */
export function FrontSearch({ page }: { page: PageContext }): JSX.Element {
  const { t, locale } = page;
  return (
    <form method="get" action={paths.events(locale)} role="search" aria-labelledby="front-search-heading">
      <h2 id="front-search-heading" class="h3" safe>
        {t('search.frontTitle')}
      </h2>
      <div class="form-group">
        <label class="form-label" for="front-q" safe>
          {t('search.frontLabel')}
        </label>
        <div class="tilmeld-front-search">
          <input class="form-input" type="search" id="front-q" name="q" maxlength={String(MAX_SEARCH_LENGTH)} />
          <button type="submit" class="button button-primary" safe>
            {t('search.frontSubmit')}
          </button>
        </div>
      </div>
    </form>
  );
}
