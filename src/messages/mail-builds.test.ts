import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MailBuildPayloadError, readMailBuild, registerMailBuilder } from './mail-builds.js';

const SECRET = 'hemmelig-token-123';
const note = z.object({ to: z.string().min(1), count: z.number().int() });
// Version 1 was a bare address; version 2 adds the count. Old rows read into today's shape.
registerMailBuilder(
  'unit-note',
  {
    1: z
      .string()
      .min(1)
      .transform((to) => ({ to, count: 1 })),
    2: note,
  },
  async (_ctx, payloads) => payloads.map(() => []),
);

function failure(payload: string): MailBuildPayloadError {
  try {
    readMailBuild(payload);
  } catch (error) {
    if (error instanceof MailBuildPayloadError) return error;
    throw error;
  }
  throw new Error('read without complaint');
}

describe('mail-build payloads', () => {
  it('reads a payload of the version it names into the shape the builder takes now', () => {
    expect(readMailBuild(JSON.stringify({ v: 2, builder: 'unit-note', data: { to: 'a@b.dk', count: 3 } }))).toMatchObject({
      builder: 'unit-note',
      v: 2,
      data: { to: 'a@b.dk', count: 3 },
    });
    expect(readMailBuild(JSON.stringify({ v: 1, builder: 'unit-note', data: 'a@b.dk' }))).toMatchObject({ v: 1, data: { to: 'a@b.dk', count: 1 } });
  });

  it('reads a payload written before versions existed as version 1', () => {
    expect(readMailBuild(JSON.stringify({ builder: 'unit-note', data: 'a@b.dk' }))).toMatchObject({ v: 1, data: { to: 'a@b.dk', count: 1 } });
    // A legacy row in another shape is not taken for a later version.
    expect(failure(JSON.stringify({ builder: 'unit-note', data: { to: 'a@b.dk', count: 3 } })).permanent).toBe(true);
  });

  it('leaves a version or builder it does not know to a process that may (not permanent)', () => {
    const newer = failure(JSON.stringify({ v: 3, builder: 'unit-note', data: { to: 'a@b.dk' } }));
    expect(newer).toMatchObject({ permanent: false, message: 'mail builder "unit-note" does not know payload version 3' });
    const unknown = failure(JSON.stringify({ v: 1, builder: 'unit-missing', data: 1 }));
    expect(unknown).toMatchObject({ permanent: false, message: 'no mail builder "unit-missing" in this process' });
  });

  it('fails for good a payload that is not JSON or does not match its version, naming the fault but not the values', () => {
    expect(failure('{"v":1,').message).toBe('mail-build payload is not JSON');
    for (const v of [0, -1, 1.5, '1', null]) expect(failure(JSON.stringify({ v, builder: 'unit-note', data: 'a@b.dk' })).permanent).toBe(true);
    const wrong = failure(JSON.stringify({ v: 2, builder: 'unit-note', data: { to: SECRET, count: SECRET } }));
    expect(wrong).toMatchObject({ permanent: true, message: 'mail-build payload "unit-note" v2 invalid: count: invalid_type' });
    // Builder names from the row are cut short and kept printable.
    const odd = failure(JSON.stringify({ v: 1, builder: `x\n"${'y'.repeat(150)}`, data: 1 }));
    expect(odd.message).toMatch(/^no mail builder "x\?\?y+" in this process$/);
    expect(odd.message.length).toBeLessThan(100);
  });

  it('never throws anything but a payload error on hostile input, and never repeats a value', () => {
    const hostileValue = fc.oneof(fc.jsonValue(), fc.constant(SECRET), fc.string(), fc.dictionary(fc.string(), fc.constant(SECRET)));
    const payload = fc.oneof(
      fc.string(),
      fc.jsonValue().map((j) => JSON.stringify(j)),
      fc
        .record(
          {
            v: fc.oneof(fc.integer({ min: -3, max: 4 }), fc.constant(SECRET), fc.double()),
            builder: fc.oneof(fc.constant('unit-note'), fc.string()),
            data: hostileValue,
          },
          { requiredKeys: [] },
        )
        .map((r) => JSON.stringify(r)),
      fc.constantFrom('{"__proto__":{"polluted":1},"builder":"unit-note","data":"a"}', '{"v":1e400,"builder":"unit-note","data":"a"}'),
    );
    fc.assert(
      fc.property(payload, (text) => {
        try {
          const read = readMailBuild(text);
          // Whatever passed has the shape the builder takes.
          expect(note.safeParse(read.data).success).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(MailBuildPayloadError);
          const message = (error as Error).message;
          expect(message).not.toContain(SECRET);
          expect(message).not.toMatch(/[\r\n]/);
          expect(message.length).toBeLessThan(400);
        }
      }),
      { numRuns: 500 },
    );
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });
});
