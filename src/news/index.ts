/**
 * What news offers the rest of Tilmeld. Other areas import from here, not
 * from the files behind it.
 */
// The article card of the front page (pages).
export { ArticleCard } from './views/ArticleCard.js';
export type { ArticleCardRow } from './news.queries.js';
// Materials attach to articles: the back-office links and the articles to choose from.
export { adminNewsPaths } from './views/admin/parts.js';
export { articleChoices } from './news.admin.queries.js';
