/**
 * Event addresses (/arrangementer/{slug}), with no I/O: made from a title the
 * way a Danish reader spells it without special letters (æ → ae, ø → oe,
 * å → aa), and the next free variant when a slug is taken.
 */

export const SLUG_MAX_LENGTH = 100;

/** Lower-case letters a–z and digits in groups joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const DANISH: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

export function isValidSlug(value: string): boolean {
  return value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}

/** "Konsulent i en politisk styret organisation – Årsmøde" → "konsulent-i-en-politisk-styret-organisation-aarsmoede". */
export function slugify(text: string, maxLength = SLUG_MAX_LENGTH): string {
  const ascii = text
    .toLowerCase()
    .replace(/[æøåäöüß]/g, (c) => DANISH[c] ?? c)
    // Other accented letters (é, ñ …) lose their accent.
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return trimToLength(slug, maxLength);
}

/** Cuts at a hyphen where possible, so a word is not split. */
function trimToLength(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** base, base-2, base-3 …, each within the maximum length. */
export function* slugCandidates(base: string): Generator<string> {
  const root = base === '' ? 'arrangement' : base;
  yield trimToLength(root, SLUG_MAX_LENGTH);
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    yield trimToLength(root, SLUG_MAX_LENGTH - suffix.length) + suffix;
  }
}

/** The first candidate of `base` that `isTaken` does not claim. */
export async function firstFreeSlug(base: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  for (const candidate of slugCandidates(base)) {
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new Error('unreachable');
}
