/**
 * Characters XML 1.0 cannot hold at all (most control characters, lone
 * surrogates, U+FFFE/U+FFFF); they are dropped rather than breaking a feed.
 */
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Anything that needs work: markup characters, control characters, surrogates, U+FFFE/U+FFFF. */
const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const SURROGATE_OR_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text without the characters XML 1.0 cannot hold, for XML writers that escape markup themselves. */
export function stripNonXml(text: string): string {
  return SURROGATE_OR_CONTROL.test(text) ? text.replace(NOT_XML, '') : text;
}

/** Text for an XML element or a quoted attribute value. */
export function escapeXml(text: string): string {
  // Most text needs nothing; a sitemap escapes tens of thousands of addresses.
  if (!NEEDS_WORK.test(text)) return text;
  const clean = SURROGATE_OR_CONTROL.test(text) ? text.replace(NOT_XML, '') : text;
  return clean.replace(/[&<>"']/g, (c) => entities[c]!);
}

/** "Tue, 24 May 2016 08:00:00 GMT": the RFC 822 date RSS 2.0 asks for. */
export function rfc822Date(iso: string): string {
  return new Date(iso).toUTCString();
}
