import type { PageContext } from '../../web/page.js';
import type { Locale } from '../../web/i18n.js';
import { paths } from '../../web/paths.js';
import { Layout } from '../../web/views/Layout.js';
import { formatMonth } from '../../lib/dates.js';
import { EVENT_TYPES } from '../events.table.js';
import { ONLINE_PLACE } from '../events.queries.js';
import { isFiltered, MAX_SEARCH_LENGTH, type CatalogueChoices, type CatalogueQuery, type Spelling } from '../catalogue.js';
import { STATIC_PREFIX } from '../../web/assets.js';
import { EventCard, type EventCardData } from './EventCard.js';
import { Pagination } from '../../web/views/Pagination.js';

export interface CatalogueResult {
  cards: EventCardData[];
  total: number;
  page: number;
  pages: number;
  perPage: number;
  spelling?: Spelling | undefined;
}

/** The catalogue's address for a query, with only the fields that are set, in a fixed order. */
export function catalogueHref(locale: Locale, query: CatalogueQuery, page = query.page): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.type) params.set('type', query.type);
  if (query.theme) params.set('theme', query.theme);
  if (query.month) params.set('month', query.month);
  if (query.place) params.set('place', query.place);
  if (query.free) params.set('free', '1');
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `${paths.events(locale)}?${search}` : paths.events(locale);
}

interface Option {
  value: string;
  label: string;
}

function Select({
  id,
  label,
  all,
  options,
  selected,
}: {
  id: string;
  label: string;
  all: string;
  options: Option[];
  selected: string | undefined;
}): JSX.Element {
  // A chosen value the list no longer offers (an old link) stays chosen, so the form shows what was searched for.
  const list = selected && !options.some((o) => o.value === selected) ? [...options, { value: selected, label: selected }] : options;
  return (
    <div class="form-group">
      <label class="form-label" for={id} safe>
        {label}
      </label>
      <select class="form-select" id={id} name={id}>
        <option value="" safe>
          {all}
        </option>
        {list.map((o) => (
          <option value={o.value} selected={o.value === selected} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const collator: Record<Locale, Intl.Collator> = { da: new Intl.Collator('da'), en: new Intl.Collator('en-GB') };

function FilterForm({ page, query, choices }: { page: PageContext; query: CatalogueQuery; choices: CatalogueChoices }): JSX.Element {
  const { t, locale } = page;
  const themes = choices.themes
    .map((th) => ({ value: th.slug, label: locale === 'da' ? th.nameDa : th.nameEn }))
    .sort((a, b) => collator[locale].compare(a.label, b.label));
  const months = choices.months.map((m) => ({ value: m, label: formatMonth(`${m}-15T12:00:00.000Z`, locale) }));
  const places = [...(choices.online ? [{ value: ONLINE_PLACE, label: t('catalogue.online') }] : []), ...choices.cities.map((c) => ({ value: c, label: c }))];
  const active = activeFilterCount(query);
  // A DKFDS accordion, open as sent (so it works without JavaScript); catalogue-filters.js folds it on a phone.
  return (
    <ul class="accordion tilmeld-filter-accordion">
      <li>
        <h2 class="h3">
          <button type="button" id="filters-heading" class="accordion-button" aria-expanded="true" aria-controls="catalogue-filters">
            <span safe>{t('catalogue.filters')}</span>
            {active > 0 ? (
              <span class="tilmeld-filter-count" safe>
                {active === 1 ? t('search.activeFilters.one') : t('search.activeFilters.many', { count: active })}
              </span>
            ) : (
              ''
            )}
          </button>
        </h2>
        <div id="catalogue-filters" class="accordion-content" aria-hidden="false">
          <form method="get" action={paths.events(locale)} role="search" aria-labelledby="filters-heading" class="tilmeld-filters">
            <div class="form-group">
              <label class="form-label" for="q" safe>
                {t('catalogue.search')}
              </label>
              <span class="form-hint" id="q-hint" safe>
                {t('catalogue.searchHint')}
              </span>
              <input class="form-input" type="search" id="q" name="q" value={query.q ?? ''} maxlength={String(MAX_SEARCH_LENGTH)} aria-describedby="q-hint" />
            </div>
            <Select
              id="type"
              label={t('catalogue.type')}
              all={t('catalogue.allTypes')}
              options={EVENT_TYPES.map((type) => ({ value: type, label: t(`eventType.${type}`) }))}
              selected={query.type}
            />
            <Select id="theme" label={t('catalogue.theme')} all={t('catalogue.allThemes')} options={themes} selected={query.theme} />
            <Select id="month" label={t('catalogue.month')} all={t('catalogue.allMonths')} options={months} selected={query.month} />
            <Select id="place" label={t('catalogue.place')} all={t('catalogue.allPlaces')} options={places} selected={query.place} />
            <div class="form-group">
              <div class="form-group-checkbox">
                <input class="form-checkbox" type="checkbox" id="free" name="free" value="1" checked={query.free} />
                <label for="free" safe>
                  {t('catalogue.freeSeats')}
                </label>
              </div>
            </div>
            <div class="form-group">
              <button type="submit" class="button button-primary" safe>
                {t('catalogue.submit')}
              </button>
            </div>
            {isFiltered(query) ? (
              <p>
                <a href={paths.events(locale)} class="function-link" safe>
                  {t('catalogue.reset')}
                </a>
              </p>
            ) : (
              ''
            )}
          </form>
        </div>
      </li>
    </ul>
  );
}

/** How many of the search and the filters are in use (shown on the folded filters). */
export function activeFilterCount(query: CatalogueQuery): number {
  return [query.q, query.type, query.theme, query.month, query.place, query.free].filter(Boolean).length;
}

/** "Viser resultater for »ledelse«" after an automatic correction, or "Mente du »ledelse«?" beside results. */
function SpellingNotice({ page, query, spelling }: { page: PageContext; query: CatalogueQuery; spelling: Spelling | undefined }): JSX.Element {
  const { t, locale } = page;
  if (spelling?.shownFor && query.q) {
    return (
      <div class="alert alert-info tilmeld-spelling" role="status">
        <div class="alert-body">
          <p class="alert-heading" safe>
            {t('search.showingFor', { corrected: spelling.shownFor })}
          </p>
          <p class="alert-text" safe>
            {t('search.noneFor', { typed: query.q })}
          </p>
        </div>
      </div>
    );
  }
  if (spelling?.suggestion) {
    return (
      <p class="tilmeld-spelling">
        <span safe>{t('search.didYouMean')}</span>{' '}
        <a href={catalogueHref(locale, { ...query, q: spelling.suggestion, page: 1 })} safe>
          {spelling.suggestion}
        </a>
        ?
      </p>
    );
  }
  return <></>;
}

const integers: Record<Locale, Intl.NumberFormat> = { da: new Intl.NumberFormat('da-DK'), en: new Intl.NumberFormat('en-GB') };

function countText(page: PageContext, total: number): string {
  if (total === 0) return page.t('catalogue.count.none');
  if (total === 1) return page.t('catalogue.count.one');
  return page.t('catalogue.count.many', { count: integers[page.locale].format(total) });
}

export function CataloguePage({
  page,
  query,
  result,
  choices,
}: {
  page: PageContext;
  query: CatalogueQuery;
  result: CatalogueResult;
  choices: CatalogueChoices;
}): JSX.Element {
  const { t, locale } = page;
  const title = result.page > 1 ? t('catalogue.titlePage', { page: result.page }) : t('catalogue.title');
  const from = (result.page - 1) * result.perPage + 1;
  const to = from + result.cards.length - 1;
  return (
    <Layout page={page} title={title} description={t('catalogue.lede')} head={<script src={`${STATIC_PREFIX}/catalogue-filters.js`} defer></script>}>
      <h1 safe>{t('catalogue.title')}</h1>
      <p class="font-lead" safe>
        {t('catalogue.lede')}
      </p>
      <div class="row">
        <div class="col-12 col-lg-4">
          <FilterForm page={page} query={query} choices={choices} />
        </div>
        <section class="col-12 col-lg-8" aria-labelledby="results-heading">
          <h2 id="results-heading" safe>
            {countText(page, result.total)}
          </h2>
          <SpellingNotice page={page} query={query} spelling={result.spelling} />
          {result.cards.length > 0 ? (
            <>
              {result.pages > 1 ? (
                <p class="tilmeld-meta" safe>
                  {t('catalogue.showing', { from, to, total: result.total })}
                </p>
              ) : (
                ''
              )}
              <ul class="tilmeld-cards tilmeld-cards-single">
                {result.cards.map((event) => (
                  <li>
                    <EventCard page={page} event={event} />
                  </li>
                ))}
              </ul>
            </>
          ) : result.total > 0 ? (
            <div class="alert alert-info">
              <div class="alert-body">
                <p class="alert-text" safe>
                  {t('catalogue.beyondLastPage')}
                </p>
                <p class="alert-text">
                  <a href={catalogueHref(locale, query, 1)} safe>
                    {t('catalogue.firstPage')}
                  </a>
                </p>
              </div>
            </div>
          ) : (
            <div class="alert alert-info">
              <div class="alert-body">
                <p class="alert-heading" safe>
                  {t('catalogue.empty.title')}
                </p>
                <p class="alert-text" safe>
                  {isFiltered(query) ? t('catalogue.empty.filtered') : t('catalogue.empty.none')}
                </p>
              </div>
            </div>
          )}
          <Pagination page={page} current={result.page} count={result.pages} href={(n) => catalogueHref(locale, query, n)} />
        </section>
      </div>
    </Layout>
  );
}
