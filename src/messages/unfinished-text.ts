/**
 * Is a message finished? The templates leave gaps for staff to fill in,
 * written in square brackets ("[skriv om ankomst …]"); a mail that still has
 * one must not reach 300 inboxes, nor one with a placeholder we cannot fill.
 * Pure, no I/O.
 *
 * What blocks sending:
 *   - text in square brackets, and a lone "[" or "]" (a gap half deleted);
 *   - a placeholder {{…}} whose name is not one of PLACEHOLDERS (any case);
 *   - a "{{" or "}}" left over that is not part of a placeholder ("{{navn}").
 * What does not:
 *   - a Markdown link or image, [text](https://…), [text](mailto:…),
 *     [text](/sti) or [text]({{link}}): the text in brackets is the link's
 *     and is meant to be there (the mail keeps it as written);
 *   - an escaped bracket, \[ or \]: the mail shows it as [ or ]
 *     (unescapeBrackets in campaign-templates.ts), so a real bracket can still be written.
 */
import { isPlaceholderName } from './campaign-templates.js';

export type UnfinishedPart = { kind: 'bracket'; excerpt: string } | { kind: 'placeholder'; name: string } | { kind: 'brokenPlaceholder'; excerpt: string };

const PLACEHOLDER = /\{\{\s*([\p{L}\p{N}_]{1,40})\s*\}\}/gu;
/** [text](target): text without brackets or line breaks, a target that looks like a link. */
const MARKDOWN_LINK = /!?\[[^[\]\n]*\]\((?:https?:\/\/|mailto:|\/|\{\{)[^\s()]*\)/gu;
const ESCAPED_BRACKET = /\\[[\]]/g;
/** A gap: "[" to the nearest "]", on one line or across lines. */
const GAP = /\[[^[\]]*\]/g;

const EXCERPT = 60;

function excerptOf(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > EXCERPT ? `${oneLine.slice(0, EXCERPT - 1)}…` : oneLine;
}

/** Blanks a match out with spaces of the same length, so later positions stay true. */
const blank = (s: string) => ' '.repeat(s.length);

/** The parts of a text that keep it from being sent, in order of appearance (each placeholder name once). */
export function unfinishedParts(text: string): UnfinishedPart[] {
  const found: Array<{ at: number; part: UnfinishedPart }> = [];
  const names = new Set<string>();
  let rest = text.replace(ESCAPED_BRACKET, blank);
  // Placeholders first: a known one inside a link target is fine, an unknown one anywhere is not.
  for (const m of rest.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    if (!isPlaceholderName(name) && !names.has(name)) {
      names.add(name);
      found.push({ at: m.index, part: { kind: 'placeholder', name } });
    }
  }
  rest = rest.replace(PLACEHOLDER, blank);
  for (const m of rest.matchAll(/\{\{|\}\}/g)) {
    found.push({ at: m.index, part: { kind: 'brokenPlaceholder', excerpt: excerptOf(text.slice(Math.max(0, m.index - 20), m.index + 22)) } });
    break;
  }
  // Links are found on the text with placeholders still in place ([tekst]({{link}})).
  const withPlaceholders = text.replace(ESCAPED_BRACKET, blank);
  const links = [...withPlaceholders.matchAll(MARKDOWN_LINK)].map((m) => [m.index, m.index + m[0].length] as const);
  let brackets = withPlaceholders;
  for (const [from, to] of links) brackets = brackets.slice(0, from) + blank(brackets.slice(from, to)) + brackets.slice(to);
  for (const m of brackets.matchAll(GAP))
    found.push({ at: m.index, part: { kind: 'bracket', excerpt: excerptOf(text.slice(m.index, m.index + m[0].length)) } });
  const gapsGone = brackets.replace(GAP, blank);
  const lone = /[[\]]/.exec(gapsGone);
  if (lone) found.push({ at: lone.index, part: { kind: 'bracket', excerpt: excerptOf(text.slice(lone.index, lone.index + 40)) } });
  return found.sort((a, b) => a.at - b.at).map((f) => f.part);
}

/** True when nothing in the text keeps it from being sent. */
export function isFinished(text: string): boolean {
  return unfinishedParts(text).length === 0;
}
