import MarkdownIt from 'markdown-it';

/**
 * Markdown written by staff (news, event descriptions) rendered to HTML that
 * is safe to put on a page: raw HTML in the source is shown as text, link
 * addresses are checked by markdown-it (no javascript: and the like), images
 * are not rendered (they would load from other sites), and headings are moved
 * down so that the text's top level becomes h2 under the page's one h1, or h3
 * where the text sits under a section heading of its own (an event's "Om
 * arrangementet").
 */

interface RenderEnv {
  /** Links to another origin than this get rel="noopener". */
  siteOrigin: string | undefined;
  /** The level the text's highest heading becomes. */
  topLevel: number;
}

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
md.disable('image');

/** The text's highest heading becomes `env.topLevel`; the rest keep their distance to it, at most h6. */
function shiftHeadings(fallback: number) {
  return (state: { tokens: { type: string; tag: string }[]; env: unknown }) => {
    const topLevel = (state.env as Partial<RenderEnv> | undefined)?.topLevel ?? fallback;
    const headings = state.tokens.filter((t) => t.type === 'heading_open' || t.type === 'heading_close');
    if (headings.length === 0) return;
    const highest = Math.min(...headings.map((t) => Number(t.tag.slice(1))));
    const shift = topLevel - highest;
    for (const token of headings) {
      const level = Math.min(6, Math.max(topLevel, Number(token.tag.slice(1)) + shift));
      token.tag = `h${level}`;
    }
  };
}
md.core.ruler.push('tilmeld_heading_levels', shiftHeadings(2));

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:|^\/\//i;

function isExternal(href: string, siteOrigin: string | undefined): boolean {
  if (!ABSOLUTE.test(href)) return false;
  let url: URL;
  try {
    url = new URL(href, siteOrigin ?? 'http://invalid.invalid');
  } catch {
    return true;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return siteOrigin === undefined || url.origin !== siteOrigin;
}

md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = token.attrGet('href') ?? '';
  if (isExternal(String(href), (env as Partial<RenderEnv> | undefined)?.siteOrigin)) token.attrSet('rel', 'noopener');
  return self.renderToken(tokens, idx, options);
};

md.renderer.rules.table_open = (tokens, idx, options, _env, self) => {
  tokens[idx]!.attrJoin('class', 'table');
  return self.renderToken(tokens, idx, options);
};

function originOf(baseUrl: string | undefined): string | undefined {
  if (!baseUrl) return undefined;
  try {
    return new URL(baseUrl).origin;
  } catch {
    return undefined;
  }
}

const CACHE_LIMIT = 500;
const cache = new Map<string, string>();

/**
 * Renders Markdown to safe HTML. `baseUrl` is the site's own address: links
 * elsewhere get rel="noopener". `topLevel` is the level of the text's highest
 * heading. Results are kept for texts seen recently.
 */
export function renderMarkdown(source: string, baseUrl?: string, topLevel: 2 | 3 = 2): string {
  const siteOrigin = originOf(baseUrl);
  const key = `${topLevel}\u0000${siteOrigin ?? ''}\u0000${source}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = md.render(source, { siteOrigin, topLevel } satisfies RenderEnv);
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, html);
  return html;
}
