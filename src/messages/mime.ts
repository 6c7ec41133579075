/**
 * An RFC 5322 / MIME message as bytes, for the shapes Tilmeld sends: a text
 * part, optionally an HTML alternative (its data: images as related parts),
 * optionally attachments.
 *
 * Why not nodemailer's composer: it builds every part through a chain of
 * streams and encodes quoted-printable a character at a time, which made
 * composing a confirmation (13–19 KB) cost 1.4–2 ms of CPU, the largest part
 * of sending it; this writes the same structure in one pass, in about a
 * quarter of the time with the payload read included (docs/BENCHMARKS.md,
 * "Mail in one piece"). nodemailer still speaks SMTP. The tests read every
 * message back with mailparser.
 */
import { randomBytes } from 'node:crypto';
import { domainToASCII } from 'node:url';

export interface MimeAddress {
  name?: string;
  address: string;
}

export interface MimeAttachment {
  filename: string;
  /** A media type, parameters allowed ("text/calendar; method=PUBLISH"). */
  contentType: string;
  content: Buffer;
}

export interface MimeMessage {
  from: MimeAddress;
  to: MimeAddress[];
  replyTo?: MimeAddress[];
  subject: string;
  date: Date;
  /** With its angle brackets. */
  messageId: string;
  text: string;
  html?: string;
  attachments?: MimeAttachment[];
  /** Further headers (Auto-Submitted, List-Unsubscribe …); those that shape the message itself are ignored. */
  headers?: Record<string, string>;
}

const CRLF = '\r\n';
/** A line break inside a header: the next line goes on with the same header. */
const FOLD = `${CRLF} `;
/** Headers this module writes itself; a caller's copy would contradict the structure. */
const OWN_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The whole message, CRLF line ends, ready for SMTP's DATA or an .eml file. */
export function buildMime(message: MimeMessage): Buffer {
  const head = [
    header('From', formatAddresses([message.from])),
    header('To', formatAddresses(message.to)),
    ...(message.replyTo?.length ? [header('Reply-To', formatAddresses(message.replyTo))] : []),
    header('Subject', encodeWords(message.subject)),
    header('Date', message.date.toUTCString().replace(/GMT$/, '+0000')),
    header('Message-ID', message.messageId),
    header('MIME-Version', '1.0'),
    ...customHeaders(message.headers),
  ];
  // The body is 7-bit ASCII (quoted-printable, base64), so latin1 is exact and quicker there; the
  // head is UTF-8 for the rare address whose local part is not ASCII.
  return Buffer.concat([Buffer.from(head.join(''), 'utf8'), Buffer.from(bodyPart(message), 'latin1')]);
}

function customHeaders(headers: Record<string, string> | undefined): string[] {
  return Object.entries(headers ?? {})
    .filter(([name]) => TOKEN.test(name) && !OWN_HEADERS.has(name.toLowerCase()))
    .map(([name, value]) => header(name, encodeWords(value.replace(/[\r\n]+/g, ' '))));
}

function header(name: string, value: string): string {
  return `${name}: ${value}${CRLF}`;
}

/** The body with its Content-Type: one part, or the parts in multipart/alternative, /related and /mixed. */
function bodyPart(message: MimeMessage): string {
  const text = textPart('text/plain', message.text);
  const readable = message.html === undefined ? text : multipart('alternative', [text, htmlPart(message.html)]);
  const attachments = message.attachments ?? [];
  return attachments.length === 0 ? readable : multipart('mixed', [readable, ...attachments.map(attachmentPart)]);
}

/**
 * The HTML, with each image it carries as a data: URI (the check-in QR code)
 * moved into a part of its own that the HTML refers to by Content-ID: Outlook
 * and Gmail show no data: images, but do show these. The stored mail keeps
 * the data: URI, so it previews as it is.
 */
function htmlPart(html: string): string {
  const images: string[] = [];
  const id = randomBytes(8).toString('hex');
  const withCids = html.replace(DATA_IMAGE, (_, type: string, base64: string) => {
    const cid = `image${images.length + 1}.${id}@tilmeld`;
    images.push(
      `Content-Type: ${type}${CRLF}Content-Transfer-Encoding: base64${CRLF}Content-ID: <${cid}>${CRLF}` +
        `Content-Disposition: inline;${FOLD}${parameter('filename', `image${images.length + 1}.${type.slice(6)}`)}${CRLF}${CRLF}` +
        base64Lines(Buffer.from(base64, 'base64')),
    );
    return `src="cid:${cid}"`;
  });
  const part = textPart('text/html', withCids);
  return images.length === 0 ? part : multipart('related', [part, ...images]);
}

const DATA_IMAGE = /src="data:(image\/(?:png|gif|jpeg));base64,([A-Za-z0-9+/=]+)"/g;

/** A part: its headers, an empty line, its body (no line end after it). */
function textPart(type: string, content: string): string {
  return `Content-Type: ${type}; charset=utf-8${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}${quotedPrintable(content)}`;
}

function attachmentPart(attachment: MimeAttachment): string {
  const type = PRINTABLE_ASCII.test(attachment.contentType) ? attachment.contentType : 'application/octet-stream';
  return (
    `Content-Type: ${type};${FOLD}${parameter('name', attachment.filename)}${CRLF}` +
    `Content-Transfer-Encoding: base64${CRLF}` +
    `Content-Disposition: attachment;${FOLD}${parameter('filename', attachment.filename)}${CRLF}${CRLF}` +
    base64Lines(attachment.content)
  );
}

function multipart(subtype: 'alternative' | 'related' | 'mixed', parts: string[]): string {
  // "=_" cannot occur in quoted-printable or base64 text, so the boundary cannot occur in a part.
  const boundary = `=_tilmeld_${randomBytes(12).toString('hex')}`;
  const body = parts.map((part) => `--${boundary}${CRLF}${part}${CRLF}`).join('');
  return `Content-Type: multipart/${subtype};${FOLD}boundary="${boundary}"${CRLF}${CRLF}${body}--${boundary}--${CRLF}`;
}

/** A parameter value: quoted when ASCII, RFC 2231 (UTF-8, percent-encoded) otherwise. */
function parameter(name: string, value: string): string {
  const clean = value.replace(/[\r\n]+/g, ' ');
  if (PRINTABLE_ASCII.test(clean)) return `${name}="${clean.replace(/["\\]/g, '\\$&')}"`;
  const encoded = encodeURIComponent(clean).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${name}*=utf-8''${encoded}`;
}

/** Addresses for From, To and Reply-To: a display name is quoted or encoded as the characters need. */
export function formatAddresses(addresses: MimeAddress[]): string {
  return addresses
    .map(({ name, address }) => {
      const bare = asciiDomain(address.replace(/[\s<>]/g, ''));
      if (!name) return bare;
      if (!PRINTABLE_ASCII.test(name)) return `${encodeWords(name)}${FOLD}<${bare}>`;
      return `"${name.replace(/["\\]/g, '\\$&')}" <${bare}>`;
    })
    .join(`,${FOLD}`);
}

/** The address with its domain in ASCII (IDNA), as mail servers expect it: "kontakt@xn--blbr-roah.dk". */
export function asciiDomain(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0 || PRINTABLE_ASCII.test(address.slice(at + 1))) return address;
  return `${address.slice(0, at)}@${domainToASCII(address.slice(at + 1)) || address.slice(at + 1)}`;
}

/**
 * A header text as RFC 2047 encoded words when it is not printable ASCII (or very long):
 * base64 of UTF-8 in words of at most 60 characters, never splitting a
 * character, each word on its own folded line.
 */
export function encodeWords(text: string): string {
  // A longer ASCII text is encoded too: a header line must stay within 998 characters.
  if (PRINTABLE_ASCII.test(text) && text.length <= 900) return text;
  const words: string[] = [];
  let chunk = '';
  // 36 bytes of UTF-8 become 48 characters of base64: with "=?UTF-8?B?" and "?=" a word is 60
  // characters, so a header's first line stays within 78 with a name of up to 16.
  for (const char of text) {
    if (Buffer.byteLength(chunk + char) > 36) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(FOLD);
}

/** 76 characters of base64 a line. */
function base64Lines(content: Buffer): string {
  const b64 = content.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(CRLF);
}

const HEX = Buffer.from('0123456789ABCDEF', 'latin1');
const [TAB, LF, CR, SPACE, EQUALS] = [9, 10, 13, 32, 61];

/**
 * RFC 2045 quoted-printable of a text's UTF-8, with CRLF line ends: every line
 * break of the text becomes a hard line break, longer lines are broken with
 * soft breaks ("=" at the end) so no encoded line exceeds 76 characters, and
 * a space or tab before a line end is encoded so it cannot be lost. Written
 * byte by byte into one buffer: a confirmation's HTML is 12 KB or more.
 */
export function quotedPrintable(text: string): string {
  const input = Buffer.from(text, 'utf8');
  // At most three characters a byte, plus a soft break ("=" CRLF) every 25 bytes.
  const out = Buffer.allocUnsafe(input.length * 3 + Math.ceil(input.length / 25) * 3 + 3);
  let n = 0;
  let lineLength = 0;
  for (let i = 0; i < input.length; i += 1) {
    const b = input[i]!;
    if (b === CR || b === LF) {
      if (b === CR && input[i + 1] === LF) i += 1;
      out[n++] = CR;
      out[n++] = LF;
      lineLength = 0;
      continue;
    }
    const next = input[i + 1];
    const endsLine = next === undefined || next === CR || next === LF;
    const literal = ((b >= 33 && b <= 126 && b !== EQUALS) || b === SPACE || b === TAB) && !(endsLine && (b === SPACE || b === TAB));
    const width = literal ? 1 : 3;
    // Room for the soft break's "=" unless this is the line's last piece.
    if (lineLength + width > (endsLine ? 76 : 75)) {
      out[n++] = EQUALS;
      out[n++] = CR;
      out[n++] = LF;
      lineLength = 0;
    }
    if (literal) out[n++] = b;
    else {
      out[n++] = EQUALS;
      out[n++] = HEX[b >> 4]!;
      out[n++] = HEX[b & 15]!;
    }
    lineLength += width;
  }
  return out.toString('latin1', 0, n);
}
