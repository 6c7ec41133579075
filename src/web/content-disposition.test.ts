import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asciiFilename, attachmentDisposition } from './content-disposition.js';

describe('attachmentDisposition', () => {
  it('keeps plain ASCII names as they are', () => {
    expect(attachmentDisposition('program-2016.pdf')).toBe('attachment; filename="program-2016.pdf"');
  });

  it('gives Danish letters an ASCII fallback and a UTF-8 name', () => {
    expect(attachmentDisposition('Døgnseminar – politisk konsulent (2016).pdf')).toBe(
      `attachment; filename="Doegnseminar - politisk konsulent (2016).pdf"; filename*=UTF-8''D%C3%B8gnseminar%20%E2%80%93%20politisk%20konsulent%20%282016%29.pdf`,
    );
    expect(asciiFilename('Årsmøde på Ærø.docx')).toBe('Aarsmoede paa Aeroe.docx');
    expect(asciiFilename('café.pdf')).toBe('cafe.pdf');
  });

  it('cannot be broken out of by quotes, backslashes or line breaks', () => {
    expect(attachmentDisposition('a"b\\c\r\nSet-Cookie: x.pdf')).toBe(
      `attachment; filename="a_b_cSet-Cookie: x.pdf"; filename*=UTF-8''a%22b%5CcSet-Cookie%3A%20x.pdf`,
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        const header = attachmentDisposition(name);
        expect(header).toMatch(/^attachment; filename="[\x20-\x21\x23-\x5b\x5d-\x7e]+"(; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+)?$/);
      }),
    );
  });
});
