import fc from 'fast-check';
import { simpleParser, type AddressObject } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildMime, encodeWords, quotedPrintable, type MimeMessage } from './mime.js';

const base: MimeMessage = {
  from: { name: 'Kursuscenter Ærøskøbing', address: 'noreply@kursus.example' },
  to: [{ name: 'Åse Øby', address: 'aase@aarhus.example' }],
  subject: 'Bekræftelse på tilmelding: Forvaltningsloven i praksis – partshøring og begrundelse',
  date: new Date('2026-12-06T09:30:00.000Z'),
  messageId: '<tilmeld.42.abc@kursus.example>',
  text: 'Kære Åse\n\nTak for din tilmelding.\nVi ses på Hotel Æblegården kl. 9.00.',
};

const addresses = (field: AddressObject | AddressObject[] | undefined) => (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value);

describe('buildMime', () => {
  it('writes a message that a mail parser reads back: addresses, subject, date, text, HTML and attachments', async () => {
    const ics = Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
    const pdf = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256));
    const raw = buildMime({
      ...base,
      replyTo: [{ name: 'Kursus "Team"', address: 'kursus@kursus.example' }],
      html: `<!doctype html><html><body><p style="margin:0 0 12px">Kære Åse</p><p>${'lang linje med æøå '.repeat(20)}</p></body></html>`,
      headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': 'da', 'Content-Type': 'text/evil', 'Bad Name': 'x' },
      attachments: [
        { filename: 'forvaltningsloven.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics },
        { filename: 'kursusbevis-Ærø.pdf', contentType: 'application/pdf', content: pdf },
      ],
    });
    const text = raw.toString('utf8');
    expect(text).toMatch(/^[\x20-\x7e\r\n\t]*$/); // 7-bit only: every server accepts it
    expect(text.split('\r\n').every((line) => line.length <= 78)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const mail = await simpleParser(raw);
    expect(addresses(mail.from)).toEqual([{ name: 'Kursuscenter Ærøskøbing', address: 'noreply@kursus.example' }]);
    expect(addresses(mail.to)).toEqual([{ name: 'Åse Øby', address: 'aase@aarhus.example' }]);
    expect(addresses(mail.replyTo)).toEqual([{ name: 'Kursus "Team"', address: 'kursus@kursus.example' }]);
    expect(mail.subject).toBe(base.subject);
    expect(mail.date?.toISOString()).toBe('2026-12-06T09:30:00.000Z');
    expect(mail.messageId).toBe(base.messageId);
    expect(mail.text).toBe(base.text);
    expect(mail.html).toContain(`<p>${'lang linje med æøå '.repeat(20)}</p>`);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('content-language')).toBe('da');
    expect(mail.headers.has('bad name')).toBe(false);
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['forvaltningsloven.ics', 'text/calendar'],
      ['kursusbevis-Ærø.pdf', 'application/pdf'],
    ]);
    expect(mail.attachments[0]!.content.equals(ics)).toBe(true);
    expect(mail.attachments[1]!.content.equals(pdf)).toBe(true);
    expect(mail.attachments[0]!.contentDisposition).toBe('attachment');
  });

  it('sends a text-only mail as one part', async () => {
    const raw = buildMime(base).toString('utf8');
    expect(raw).not.toContain('multipart');
    expect((await simpleParser(Buffer.from(raw))).text).toBe(base.text);
  });

  it('reads back whatever the subject, names, text and HTML hold', async () => {
    const anyText = fc.string({ unit: 'grapheme', maxLength: 300 });
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, anyText, async (subject, name, text, html) => {
        const clean = (s: string) => s.replace(/[\r\n\u0000-\u001f\u007f]/g, ' ');
        const message = { ...base, subject: clean(subject), from: { name: clean(name), address: 'a@b.example' }, text, html };
        const raw = buildMime(message);
        expect(
          raw
            .toString('latin1')
            .split('\r\n')
            .every((line) => line.length <= 998),
        ).toBe(true);
        const mail = await simpleParser(raw);
        expect((mail.subject ?? '').trim()).toBe(message.subject.trim());
        expect(addresses(mail.from).map((a) => [a.name.trim(), a.address])).toEqual([[message.from.name.trim(), 'a@b.example']]);
        // Line ends come back as \n; a parser may drop the body's last ones.
        const lines = (s: string) => s.replace(/\r\n|\r/g, '\n').replace(/\n+$/, '');
        expect(lines(mail.text ?? '')).toBe(lines(text));
        expect(lines(mail.html || '')).toBe(lines(html));
      }),
      { numRuns: 150 },
    );
  });
});

describe('images in the HTML', () => {
  it('moves a data: image into a related part the HTML refers to by Content-ID', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const src = `data:image/png;base64,${png.toString('base64')}`;
    const raw = buildMime({ ...base, html: `<p>Din kode</p><img src="${src}" alt="QR-kode" width="145"><img src="${src}" alt="igen">` });
    const text = raw.toString('utf8');
    expect(text).not.toContain('data:image');
    expect(text).toMatch(/Content-Type: multipart\/related;/);
    expect(text.match(/src=3D"cid:image[12]\.[0-9a-f]+@tilmeld"/g)).toHaveLength(2);
    const mail = await simpleParser(raw, { keepCidLinks: true });
    expect(mail.attachments.map((a) => [a.contentType, a.contentDisposition, a.related, a.content.equals(png)])).toEqual([
      ['image/png', 'inline', true, true],
      ['image/png', 'inline', true, true],
    ]);
    const cids = mail.attachments.map((a) => a.cid);
    expect(new Set(cids).size).toBe(2);
    for (const cid of cids) expect(mail.html).toContain(`src="cid:${cid}"`);
    expect(mail.text).toBe(base.text);
  });
});

describe('addresses', () => {
  it('writes a domain that is not ASCII as IDNA, which mail servers expect', async () => {
    const raw = buildMime({ ...base, to: [{ name: 'Bo', address: 'kontakt@blåbær.dk' }] });
    expect(raw.toString('utf8')).toContain('To: "Bo" <kontakt@xn--blbr-roah.dk>\r\n');
    expect(addresses((await simpleParser(raw)).to)).toEqual([{ name: 'Bo', address: 'kontakt@blåbær.dk' }]);
  });
});

describe('quoted-printable', () => {
  it('keeps lines within 76 characters, never splits an escape, and protects a trailing space', () => {
    const encoded = quotedPrintable(`${'æ'.repeat(40)} \nslut\t\n${'a='.repeat(60)}`);
    const lines = encoded.split('\r\n');
    expect(lines.every((line) => line.length <= 76)).toBe(true);
    expect(lines.every((line) => !/=[0-9A-F]?$/.test(line.replace(/=$/, '')))).toBe(true);
    expect(encoded).toContain('=20\r\nslut=09\r\n');
  });
});

describe('encoded words', () => {
  it('leaves printable ASCII alone and splits other text into words of at most 60 characters', () => {
    expect(encodeWords('Plain subject')).toBe('Plain subject');
    expect(
      encodeWords('x'.repeat(2000))
        .split('\r\n')
        .every((line) => line.length <= 76),
    ).toBe(true);
    const words = encodeWords('Æ'.repeat(100)).split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    expect(words.every((w) => w.length <= 60 && /^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/.test(w))).toBe(true);
  });
});
