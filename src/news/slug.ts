/**
 * Article addresses: lower-case ASCII words joined by hyphens, Danish letters
 * written out (æ → ae, ø → oe, å → aa) the way Danes do in web addresses.
 */
const spelled: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

export const SLUG_MAX = 80;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Konsulent i en politisk styret organisation – 2026!" → "konsulent-i-en-politisk-styret-organisation-2026". */
export function slugify(text: string, max = SLUG_MAX): string {
  const words = text
    .toLowerCase()
    .replace(/[æøåäöüß]/g, (c) => spelled[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= max) return words;
  // Cut at a word boundary when there is one in the second half.
  const cut = words.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > max / 2 ? cut.slice(0, boundary) : words.slice(0, max)).replace(/-+$/, '');
}

/** The slug itself if free, else the first free of slug-2, slug-3 … */
export async function firstFreeSlug(slug: string, taken: (candidate: string) => Promise<boolean>): Promise<string> {
  if (!(await taken(slug))) return slug;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = slug.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '') + suffix;
    if (!(await taken(candidate))) return candidate;
  }
}
