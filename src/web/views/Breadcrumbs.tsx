import type { PageContext } from '../page.js';
import { DKFDS_PREFIX } from '../assets.js';

export interface Crumb {
  label: string;
  /** Absent for the current page. */
  href?: string;
  /** When the label is in another language than the page. */
  lang?: string | undefined;
}

/** DKFDS breadcrumbs; the last crumb is the current page. */
export function Breadcrumbs({ page, crumbs }: { page: PageContext; crumbs: Crumb[] }): JSX.Element {
  return (
    <nav class="breadcrumbs" aria-label={page.t('breadcrumbs.label')}>
      <ol class="breadcrumbs__list">
        {crumbs.map((crumb, i) => (
          <li class="breadcrumbs__list-item" aria-current={crumb.href ? undefined : 'page'}>
            {i > 0 ? (
              <svg class="icon-svg" focusable="false" aria-hidden="true">
                <use href={`${DKFDS_PREFIX}/img/all-svg-icons.svg#chevron-right`}></use>
              </svg>
            ) : (
              ''
            )}
            {crumb.href ? (
              <a class="breadcrumbs__link" href={crumb.href} lang={crumb.lang} safe>
                {crumb.label}
              </a>
            ) : (
              <span lang={crumb.lang} safe>
                {crumb.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
