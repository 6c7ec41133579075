import type { Generated } from 'kysely';

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  headline: string;
  lede: string;
  /** Markdown, rendered with raw HTML switched off. */
  body: string;
  author: string;
  /** The article is public from this moment on; null means draft. */
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ArticleEventsTable {
  article_id: number;
  event_id: number;
  position: number;
}

export interface NewsTables {
  articles: ArticlesTable;
  article_events: ArticleEventsTable;
}
