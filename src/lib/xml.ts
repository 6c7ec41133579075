/**
 * Characters XML 1.0 cannot hold at all (most control characters, lone
 * surrogates, U+FFFE/U+FFFF); they are dropped rather than breaking a feed.
 */
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for an XML element or a quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => entities[c]!);
}

/** "Tue, 24 May 2016 08:00:00 GMT": the RFC 822 date RSS 2.0 asks for. */
export function rfc822Date(iso: string): string {
  return new Date(iso).toUTCString();
}
