import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { preferredRepresentation, REPRESENTATIONS } from './representation.js';

describe('preferredRepresentation', () => {
  it('answers JSON when the client states nothing or takes anything', () => {
    expect(preferredRepresentation(undefined)).toBe('application/json');
    expect(preferredRepresentation('')).toBe('application/json');
    expect(preferredRepresentation('*/*')).toBe('application/json');
  });

  it('picks the supported type with the highest q, then the first listed', () => {
    expect(preferredRepresentation('application/pdf')).toBe('application/pdf');
    expect(preferredRepresentation('text/xml')).toBe('application/xml');
    expect(preferredRepresentation('application/xml;q=0.5, application/pdf;q=0.8')).toBe('application/pdf');
    expect(preferredRepresentation('application/pdf, application/xml')).toBe('application/pdf');
    expect(preferredRepresentation('text/html, application/xml;q=0.9, */*;q=0.1')).toBe('application/xml');
  });

  it('refuses what it cannot send, including types ruled out by q=0', () => {
    expect(preferredRepresentation('image/png')).toBeNull();
    expect(preferredRepresentation('application/pdf;q=0')).toBeNull();
    // Names of Object.prototype's members are not media types (fast-check found "__proto__").
    for (const name of ['__proto__', 'constructor', 'toString']) expect(preferredRepresentation(name)).toBeNull();
  });

  it('never throws and answers only a supported type or null, whatever the header', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (header) => {
        const r = preferredRepresentation(header);
        expect(r === null || (REPRESENTATIONS as readonly string[]).includes(r)).toBe(true);
      }),
    );
  });
});
