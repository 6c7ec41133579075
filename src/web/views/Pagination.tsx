import type { PageContext } from '../page.js';
import { DKFDS_PREFIX } from '../assets.js';

const ICONS = `${DKFDS_PREFIX}/img/all-svg-icons.svg`;

function Icon({ name }: { name: string }): JSX.Element {
  return (
    <svg class="icon-svg" focusable="false" aria-hidden="true">
      <use href={`${ICONS}#${name}`}></use>
    </svg>
  );
}

/** The page numbers to show: all of them up to 7, else the first, the last and a window around the current one. */
export function visiblePages(current: number, count: number): (number | 'gap')[] {
  if (count <= 7) return Array.from({ length: count }, (_, i) => i + 1);
  if (current < 5) return [1, 2, 3, 4, 5, 'gap', count];
  if (current + 4 > count) return [1, 'gap', count - 4, count - 3, count - 2, count - 1, count];
  return [1, 'gap', current - 1, current, current + 1, 'gap', count];
}

export interface PaginationProps {
  page: PageContext;
  current: number;
  count: number;
  /** The address of page n. */
  href: (n: number) => string;
}

/** DKFDS pagination with plain links, so it works without JavaScript. Nothing when there is one page. */
export function Pagination({ page, current: asked, count, href }: PaginationProps): JSX.Element {
  if (count <= 1) return '';
  const current = Math.min(asked, count);
  const { t } = page;
  const pageLabel = (n: number) => (n === count && n > 7 ? t('pagination.lastPage', { page: n }) : t('pagination.page', { page: n }));
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      {current > 1 ? (
        <>
          <a href={href(1)} class="button button-arrow button-first">
            <Icon name="first-page" />
            <span class="sr-only" safe>
              {t('pagination.first')}
            </span>
          </a>
          <a href={href(current - 1)} class="button button-arrow button-previous" rel="prev" aria-label={t('pagination.previous')}>
            <Icon name="chevron-left" />
            <span class="pagination-nav-link" safe>
              {t('pagination.previous')}
            </span>
          </a>
        </>
      ) : (
        ''
      )}
      <span class="pagination-mobile" safe>
        {t('pagination.pageOf', { page: current, pages: count })}
      </span>
      <ul class="pagination__items">
        {visiblePages(current, count).map((n) =>
          n === 'gap' ? (
            <li class="pagination-item pagination-overflow">
              <span class="sr-only" safe>
                {t('pagination.hidden')}
              </span>
              <span aria-hidden="true">…</span>
            </li>
          ) : (
            <li class="pagination-item pagination-number">
              {n === current ? (
                <a href={href(n)} class="button current-page" aria-label={pageLabel(n)} aria-current="page" safe>
                  {String(n)}
                </a>
              ) : (
                <a href={href(n)} class="button button-secondary" aria-label={pageLabel(n)} safe>
                  {String(n)}
                </a>
              )}
            </li>
          ),
        )}
      </ul>
      {current < count ? (
        <>
          <a href={href(current + 1)} class="button button-arrow button-next" rel="next" aria-label={t('pagination.next')}>
            <span class="pagination-nav-link" safe>
              {t('pagination.next')}
            </span>
            <Icon name="chevron-right" />
          </a>
          <a href={href(count)} class="button button-arrow button-last">
            <Icon name="last-page" />
            <span class="sr-only" safe>
              {t('pagination.last')}
            </span>
          </a>
        </>
      ) : (
        ''
      )}
    </nav>
  );
}
