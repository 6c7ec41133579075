/**
 * Materials on the self-service page: what a booking's participants see and
 * may download, before and after the event, and who may not — anonymous
 * visitors, the waiting list, the cancelled, another event's bookings, and a
 * participant's own link once they have cancelled.
 */
import { beforeAll, beforeEach, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Clock } from '../../src/lib/clock.js';
import { storeMaterial } from '../../src/materials/materials.service.js';
import { insertLoginLink } from '../../src/registrations/changes/my-bookings.queries.js';
import { cancelParticipant, cancelRegistration } from '../../src/registrations/changes/registrations.changes.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { newManageToken, sha256Hex } from '../../src/registrations/tokens.js';
import { TEST_NOW, useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { pdfBytes } from '../helpers/documents.js';
import { makeEvent, signup } from './registrations-fixtures.js';

function movableClock(): Clock & { set(iso: string | Date): void } {
  let t = TEST_NOW.getTime();
  return { now: () => new Date(t), set: (iso) => void (t = new Date(iso).getTime()) };
}

// makeEvent's døgnseminar ends 16 September 2026 at 15.00 Danish time.
const EVENT_END = '2026-09-16T13:00:00.000Z';

forEachDialect('materials for participants', (dialect) => {
  const clock = movableClock();
  const t = useTestApp(dialect, clock);
  let pdf: Buffer;
  const ids = {} as { pub: number; slides: number; after: number; other: number };
  const tokens = {} as { booker: string; waiting: string; cancelled: string; other: string; participant: string; participantId: number };

  beforeAll(async () => {
    const { ctx } = t.current;
    pdf = await pdfBytes('Slides fra døgnseminaret');
    const event = await makeEvent(ctx, { capacity: 2 });
    const other = await makeEvent(ctx);
    const common = { contentType: 'application/pdf', bytes: pdf, eventId: event.id };
    ids.pub = await storeMaterial(ctx, { ...common, title: 'Program', filename: 'program.pdf', visibility: 'public' });
    ids.slides = await storeMaterial(ctx, { ...common, title: 'Slides', filename: 'Slides – dag 1.pdf', visibility: 'participants' });
    ids.after = await storeMaterial(ctx, { ...common, title: 'Opsamling', filename: 'opsamling.pdf', visibility: 'after_event' });
    ids.other = await storeMaterial(ctx, { ...common, eventId: other.id, title: 'Andet', filename: 'andet.pdf', visibility: 'participants' });

    const booked = await createRegistration(ctx, event.slug, signup(2, 1), { locale: 'da' });
    tokens.booker = booked.manageToken;
    // The event is full now: this one waits.
    tokens.waiting = (await createRegistration(ctx, event.slug, signup(1, 3), { locale: 'da' })).manageToken;
    const gone = await createRegistration(ctx, other.slug, signup(1, 4), { locale: 'da' });
    await cancelRegistration(ctx, gone.id);
    tokens.cancelled = gone.manageToken;
    tokens.other = (await createRegistration(ctx, other.slug, signup(1, 5), { locale: 'da' })).manageToken;

    // A participant's own access link (as "Mine tilmeldinger" makes them).
    const participantId = (
      await ctx.db
        .selectFrom('participants')
        .select('id')
        .where('registration_id', '=', booked.id)
        .where('email', '=', 'deltager2@kommune.dk')
        .executeTakeFirstOrThrow()
    ).id;
    tokens.participant = newManageToken();
    tokens.participantId = participantId;
    await insertLoginLink(ctx.db, {
      kind: 'access',
      token_hash: sha256Hex(tokens.participant),
      email: 'deltager2@kommune.dk',
      locale: 'da',
      registration_id: booked.id,
      participant_id: participantId,
      created_at: TEST_NOW.toISOString(),
      expires_at: '2026-12-31T00:00:00.000Z',
      used_at: null,
    });
  });

  beforeEach(() => clock.set(TEST_NOW));

  const download = (token: string, id: number, name: string) => t.current.app.inject(`/tilmelding/${token}/materialer/${id}/${encodeURIComponent(name)}`);

  it('lists what participants may have now on the booking page, and says when the rest comes', async () => {
    const res = await t.current.app.inject(`/tilmelding/${tokens.booker}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h2 id="materials-heading">Materialer</h2>');
    expect(res.body).toContain(`href="/tilmelding/${tokens.booker}/materialer/${ids.pub}/program.pdf"`);
    expect(res.body).toContain(`href="/tilmelding/${tokens.booker}/materialer/${ids.slides}/Slides%20%E2%80%93%20dag%201.pdf"`);
    expect(res.body).not.toContain('opsamling.pdf');
    expect(res.body).not.toContain('andet.pdf');
    expect(res.body).toContain('Der kommer et materiale mere her, når arrangementet er slut (16. september 2026 kl. 15.00).');
    // Never a public address for participants' files.
    expect(res.body).not.toContain(`/materialer/${ids.slides}/`.replace(/^/, '"'));

    const en = await t.current.app.inject(`/en/booking/${tokens.booker}`);
    expect(en.body).toContain('<h2 id="materials-heading">Materials</h2>');
    expect(en.body).toContain(`href="/en/booking/${tokens.booker}/materials/${ids.slides}/`);
    expect(en.body).toContain('One more material will appear here when the event is over (16 September 2026 15:00).');
  });

  it('hands the file to the token holder, privately, with the Danish name', async () => {
    const res = await download(tokens.booker, ids.slides, 'Slides – dag 1.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Slides - dag 1.pdf"; filename*=UTF-8''Slides%20%E2%80%93%20dag%201.pdf`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const en = await t.current.app.inject(`/en/booking/${tokens.booker}/materials/${ids.slides}/x.pdf`);
    expect(en.statusCode).toBe(301);
    expect(en.headers.location).toBe(`/en/booking/${tokens.booker}/materials/${ids.slides}/Slides%20%E2%80%93%20dag%201.pdf`);
  });

  it('opens after-event material when the event has ended, not a minute before', async () => {
    clock.set(new Date(new Date(EVENT_END).getTime() - 60_000));
    expect((await download(tokens.booker, ids.after, 'opsamling.pdf')).statusCode).toBe(404);
    clock.set(EVENT_END);
    const res = await download(tokens.booker, ids.after, 'opsamling.pdf');
    expect(res.statusCode).toBe(200);
    const page = await t.current.app.inject(`/tilmelding/${tokens.booker}`);
    expect(page.body).toContain(`/materialer/${ids.after}/opsamling.pdf`);
    expect(page.body).not.toContain('Der kommer');
  });

  it("never serves participants' material on the public address, before or after the event", async () => {
    for (const at of [TEST_NOW.toISOString(), EVENT_END, '2027-01-01T00:00:00.000Z']) {
      clock.set(at);
      for (const [id, name] of [
        [ids.slides, 'Slides – dag 1.pdf'],
        [ids.after, 'opsamling.pdf'],
      ] as const) {
        const res = await t.current.app.inject(`/materialer/${id}/${encodeURIComponent(name)}`);
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-disposition']).toBeUndefined();
      }
    }
    expect((await t.current.app.inject(`/materialer/${ids.pub}/program.pdf`)).statusCode).toBe(200);
  });

  it("refuses the waiting list, a cancelled registration, another event's booking and unknown tokens", async () => {
    clock.set(EVENT_END);
    for (const token of [tokens.waiting, tokens.cancelled, tokens.other, 'A'.repeat(43)]) {
      for (const [id, name] of [
        [ids.slides, 'x.pdf'],
        [ids.after, 'opsamling.pdf'],
        [ids.pub, 'program.pdf'],
      ] as const) {
        const res = await download(token, id, name);
        expect(res.statusCode, `${token} ${id}`).toBe(404);
        expect(res.headers['content-disposition']).toBeUndefined();
      }
    }
    // The other event's own participant material is theirs, not the first event's bookers'.
    expect((await download(tokens.other, ids.other, 'andet.pdf')).statusCode).toBe(200);
    expect((await download(tokens.booker, ids.other, 'andet.pdf')).statusCode).toBe(404);
    const waiting = await t.current.app.inject(`/tilmelding/${tokens.waiting}`);
    expect(waiting.body).toContain('Materialerne til deltagerne kan hentes her, når der er en bekræftet plads på tilmeldingen.');
    expect(waiting.body).not.toContain('/materialer/');
  });

  it("lets a participant's own link download until that participant cancels", async () => {
    expect((await download(tokens.participant, ids.slides, 'x.pdf')).statusCode).toBe(301);
    expect((await download(tokens.participant, ids.slides, 'Slides – dag 1.pdf')).statusCode).toBe(200);
    await cancelParticipant(t.current.ctx, tokens.participantId);
    expect((await download(tokens.participant, ids.slides, 'Slides – dag 1.pdf')).statusCode).toBe(404);
    // The booker still holds a seat (participant 1).
    expect((await download(tokens.booker, ids.slides, 'Slides – dag 1.pdf')).statusCode).toBe(200);
  });

  it('answers malformed ids and names with 400 or 404, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
        async (id, name) => {
          const res = await t.current.app.inject(`/tilmelding/${tokens.booker}/materialer/${encodeURIComponent(id)}/${encodeURIComponent(name)}`);
          expect([200, 301, 400, 404]).toContain(res.statusCode);
        },
      ),
      { numRuns: 60 },
    );
  });
});
