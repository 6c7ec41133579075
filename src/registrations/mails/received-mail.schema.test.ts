import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MailBuildPayloadError, readMailBuild } from '../../messages/mail-builds.js';
import { receivedMailToBuild, type ReceivedMailFacts } from './received-mail.js';
import { receivedMailFactsV1 } from './received-mail.schema.js';

const TOKEN = 'plain-manage-token-that-must-stay-secret';

const facts: ReceivedMailFacts = {
  registration: {
    id: 17,
    status: 'confirmed',
    locale: 'da',
    createdAt: '2026-09-01T08:00:00.000Z',
    event: { id: 3, slug: 'konsulentrollen', title: 'Konsulentrollen', startsAt: '2026-09-15T07:00:00.000Z', endsAt: '2026-09-16T11:00:00.000Z' },
    payer: {
      organisation: 'Aarhus Kommune',
      cvr: '55133018',
      ean: null,
      personReference: 'Birte',
      poNumber: null,
      address: 'Rådhuspladsen 2',
      postalCode: '8000',
      city: 'Aarhus C',
      email: 'faktura@aarhus.dk',
    },
    booker: { name: 'Birte Booker', email: 'birte@kommune.dk' },
    consentToParticipantList: true,
    priceKind: 'normal',
    participants: [
      {
        id: 41,
        name: 'Deltager 1',
        email: 'deltager1@kommune.dk',
        jobTitle: 'Konsulent',
        workplace: 'Borgerservice',
        phone: null,
        diet: '',
        accessibilityNeeds: '',
        roomMate: '',
        status: 'confirmed',
        waitingListPlace: null,
        cancellationFeeOre: null,
        addOns: [{ code: 'overnight', nameDa: 'Overnatning', nameEn: 'Overnight stay', status: 'reserved', priceOre: 85_000 }],
        answers: { '5': 'a', '6': true, '7': ['x', 'y'] },
      },
    ],
    totals: { exVatOre: 480_000, vatOre: 120_000, inclVatOre: 600_000 },
    cancellation: { freeDays: 14, late: 'fee', lateFeeOre: 50_000 },
  },
  vatPercent: 25,
  manageToken: TOKEN,
  now: '2026-09-01T08:00:00.000Z',
};

/** The payload as enqueueMailBuilds writes it. */
function payloadOf(build: { v?: number; builder: string; data: unknown }): string {
  return JSON.stringify(build);
}

describe('the registration receipt as a mail-build payload', () => {
  it('is written as version 1 and read back unchanged', () => {
    const build = receivedMailToBuild(facts);
    expect(build.v).toBe(1);
    expect(readMailBuild(payloadOf(build)).data).toEqual(facts);
  });

  it('reads a row queued before payloads had versions as version 1', () => {
    const read = readMailBuild(payloadOf({ builder: 'registration_received', data: JSON.parse(JSON.stringify(facts)) }));
    expect(read).toMatchObject({ v: 1, data: facts });
  });

  it('leaves an unknown version to a process that knows it', () => {
    expect(() => readMailBuild(payloadOf({ v: 2, builder: 'registration_received', data: facts }))).toThrow(
      expect.objectContaining({ permanent: false, message: 'mail builder "registration_received" does not know payload version 2' }),
    );
  });

  it('fails for good facts of the wrong shape, naming the place and not the token', () => {
    const broken = { ...facts, registration: { ...facts.registration, participants: [] }, manageToken: 42 };
    try {
      readMailBuild(payloadOf({ v: 1, builder: 'registration_received', data: broken }));
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        permanent: true,
        message: 'mail-build payload "registration_received" v1 invalid: registration.participants: too_small; manageToken: invalid_type',
      });
    }
    for (const change of [{ now: 'not a time' }, { vatPercent: -1 }, { registration: { ...facts.registration, locale: 'de' } }]) {
      expect(receivedMailFactsV1.safeParse({ ...facts, ...change }).success).toBe(false);
    }
  });

  it('takes no hostile variant of the facts for valid, and never repeats the token', () => {
    // Each field of the registration replaced by anything JSON can hold.
    const keys = Object.keys(facts.registration) as Array<keyof ReceivedMailFacts['registration']>;
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), fc.option(fc.integer({ min: -2, max: 3 }), { nil: undefined }), (key, value, v) => {
        const data = { ...facts, registration: { ...facts.registration, [key]: value } };
        try {
          const read = readMailBuild(payloadOf({ v, builder: 'registration_received', data }));
          // Accepted only where the value has the field's shape.
          expect(receivedMailFactsV1.safeParse(read.data).success).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(MailBuildPayloadError);
          expect((error as Error).message).not.toContain(TOKEN);
        }
      }),
      { numRuns: 300 },
    );
  });
});
