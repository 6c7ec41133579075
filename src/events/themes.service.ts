/**
 * The themes events are filed under. Staff choose among existing themes in
 * the editor (an unknown slug is refused there); the themes themselves come
 * from the demo content, fixtures and benchmarks, which file their themes
 * here before they create events under them.
 */
import type { AppContext } from '../context.js';
import { insertMissingThemes } from './event-writes.queries.js';

export interface ThemeInput {
  slug: string;
  nameDa: string;
  nameEn: string;
}

/** Makes the themes that do not exist yet; one that does keeps its names. */
export async function ensureThemes(ctx: AppContext, themes: readonly ThemeInput[]): Promise<void> {
  await insertMissingThemes(ctx.db, themes);
}
