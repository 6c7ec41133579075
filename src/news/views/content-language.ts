import type { PageContext } from '../../web/page.js';

/**
 * Articles are written in Danish. On English pages their text is marked
 * lang="da" so screen readers switch pronunciation (WCAG 3.1.2).
 */
export const ARTICLE_LANGUAGE = 'da';

export function articleLang(page: PageContext): string | undefined {
  return page.locale === ARTICLE_LANGUAGE ? undefined : ARTICLE_LANGUAGE;
}
