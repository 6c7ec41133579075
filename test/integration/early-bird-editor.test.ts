/**
 * The early-bird price and its deadline are set in the event editor and the
 * staff events API: stored, shown again in the form, charged at sign-up, and
 * refused with a message beside the field (Danish or English) when the price
 * is not below the normal price, the deadline is not before the start, or one
 * is given without the other. Nothing is saved on an error.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { bearerFor, createStaff, postForm, staffClient, type StaffClient } from '../helpers/staff.js';
import { loadStoredEvent } from '../../src/events/stored-event.js';
import { danishTimeToUtc } from '../../src/lib/dates.js';
import { seminarDocument } from './events-admin-fixtures.js';
import { signup } from './registrations-fixtures.js';

/** The new-event page's first step. */
const FIRST_STEP = {
  action: 'save',
  title: 'Førtidspris på Fanø',
  type: 'kursus',
  venueId: '',
  'sessions[0][date]': '05.10.2026',
  'sessions[0][start]': '9.30',
  'sessions[0][end]': '15.00',
  price: '2.500,00',
  capacity: '20',
};

/** The prices section as posted, without an early-bird price. */
const PRICES = { action: 'save', price: '2.500,00', vatMode: 'standard' };

forEachDialect('early-bird price in the editor and the staff API', (dialect) => {
  const t = useTestApp(dialect);
  let manager: StaffClient;
  let bearer: string;
  beforeAll(async () => {
    manager = await staffClient(t.current.app, t.current.ctx, 'manager');
    bearer = await bearerFor(t.current.ctx, (await createStaff(t.current.ctx, 'manager')).id);
  });
  const count = async () => (await t.current.ctx.db.selectFrom('events').select('id').execute()).length;
  const api = (method: 'POST' | 'PATCH', url: string, body: unknown, language?: string) =>
    t.current.app.inject({ method, url, headers: { authorization: bearer, ...(language ? { 'accept-language': language } : {}) }, payload: body as object });

  /** A draft made on the new-event page; its id and the address of its prices section. */
  async function draft(): Promise<{ id: number; prices: string }> {
    const res = await postForm(t.current.app, manager, '/admin/events/new', FIRST_STEP);
    expect(res.statusCode).toBe(303);
    const id = Number(/\/admin\/events\/(\d+)/.exec(res.headers.location as string)?.[1]);
    return { id, prices: `/admin/events/${id}/rediger/priser` };
  }

  it('saves the early-bird price and deadline from the prices section and shows them again', async () => {
    const { id, prices } = await draft();
    const res = await postForm(t.current.app, manager, prices, {
      ...PRICES,
      earlyBirdPrice: '1.950,00',
      earlyBirdDate: '01.09.2026',
      earlyBirdTime: '23.59',
    });
    expect(res.statusCode).toBe(303);
    const e = (await loadStoredEvent(t.current.ctx.db, id))!;
    expect([e.document.earlyBirdPriceOre, e.document.earlyBirdEndsAt]).toEqual([195_000, danishTimeToUtc('2026-09-01', '23:59')]);
    const edit = await t.current.app.inject({ url: prices, headers: manager.headers });
    expect(edit.body).toContain('value="1.950,00"');
    expect(edit.body).toContain('id="earlyBirdDate"');
    expect(edit.body).toContain('value="2026-09-01"');
  });

  it('shows each early-bird error beside its field and in the summary, and saves nothing', async () => {
    const { id, prices } = await draft();
    const before = (await loadStoredEvent(t.current.ctx.db, id))!.document;
    const notBelow = await postForm(t.current.app, manager, prices, {
      ...PRICES,
      earlyBirdPrice: '2.500,00',
      earlyBirdDate: '06.10.2026',
      earlyBirdTime: '',
    });
    expect(notBelow.statusCode).toBe(422);
    expect(notBelow.body).toContain('href="#earlyBirdPrice"');
    expect(notBelow.body).toContain('id="earlyBirdPrice-error"');
    expect(notBelow.body).toContain('Førtidsprisen skal være lavere end prisen.');
    expect(notBelow.body).toContain('href="#earlyBirdDate"');
    expect(notBelow.body).toContain('Førtidsprisen skal slutte, før arrangementet begynder.');
    const noDeadline = await postForm(t.current.app, manager, prices, { ...PRICES, earlyBirdPrice: '1.000,00' });
    expect(noDeadline.statusCode).toBe(422);
    expect(noDeadline.body).toContain('id="earlyBirdDate-error"');
    expect(noDeadline.body).toContain('Skriv, hvornår førtidsprisen slutter.');
    const noPrice = await postForm(t.current.app, manager, prices, { ...PRICES, earlyBirdDate: '01.09.2026' });
    expect(noPrice.statusCode).toBe(422);
    expect(noPrice.body).toContain('id="earlyBirdPrice-error"');
    expect((await loadStoredEvent(t.current.ctx.db, id))!.document).toEqual(before);
  });

  it('sets and changes the early-bird price through POST and PATCH /api/v1/events, and the sign-up charges it', async () => {
    const created = await api(
      'POST',
      '/api/v1/events',
      seminarDocument({ status: 'published', questions: [], earlyBirdPriceOre: 350_000, earlyBirdEndsAt: '2026-06-30T23:59' }),
    );
    expect(created.statusCode).toBe(201);
    const { id, slug } = created.json();
    let e = (await loadStoredEvent(t.current.ctx.db, id))!;
    expect([e.document.earlyBirdPriceOre, e.document.earlyBirdEndsAt]).toEqual([350_000, danishTimeToUtc('2026-06-30', '23:59')]);
    const patched = await api('PATCH', `/api/v1/events/${slug}`, { earlyBirdPriceOre: 400_000 });
    expect(patched.statusCode).toBe(200);
    e = (await loadStoredEvent(t.current.ctx.db, id))!;
    expect(e.document.earlyBirdPriceOre).toBe(400_000);
    const row = await t.current.ctx.db
      .selectFrom('events')
      .select(['early_bird_price_ore', 'early_bird_ends_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ early_bird_price_ore: 400_000, early_bird_ends_at: danishTimeToUtc('2026-06-30', '23:59') });
    // The clock stands at 1 June 2026 (TEST_NOW), before the deadline.
    const booked = await t.current.app.inject({ method: 'POST', url: `/api/v1/events/${slug}/registrations`, payload: signup(1) });
    expect(booked.statusCode).toBe(201);
    expect(booked.json()).toMatchObject({ priceKind: 'earlyBird', seatPriceOre: 400_000 });
    const removed = await api('PATCH', `/api/v1/events/${slug}`, { earlyBirdPriceOre: null, earlyBirdEndsAt: null });
    expect(removed.statusCode).toBe(200);
    e = (await loadStoredEvent(t.current.ctx.db, id))!;
    expect([e.document.earlyBirdPriceOre, e.document.earlyBirdEndsAt]).toEqual([null, null]);
  });

  it('answers 422 with the early-bird errors per field in the language asked for, and changes nothing', async () => {
    const before = await count();
    const en = await api('POST', '/api/v1/events', seminarDocument({ earlyBirdPriceOre: 450_000, earlyBirdEndsAt: '2026-09-10T10:00' }), 'en');
    expect(en.statusCode).toBe(422);
    expect(en.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'earlyBirdPriceOre',
          code: 'early_bird_not_below_price',
          message: 'The early-bird price must be lower than the price.',
        }),
        expect.objectContaining({ path: 'earlyBirdEndsAt', code: 'early_bird_after_start', message: 'The early-bird price must end before the event starts.' }),
      ]),
    );
    const da = await api('POST', '/api/v1/events', seminarDocument({ earlyBirdPriceOre: 300_000 }));
    expect(da.json().errors).toEqual([
      expect.objectContaining({ path: 'earlyBirdEndsAt', code: 'early_bird_deadline_required', message: 'Skriv, hvornår førtidsprisen slutter.' }),
    ]);
    expect(await count()).toBe(before);
    const ok = (await api('POST', '/api/v1/events', seminarDocument({ earlyBirdPriceOre: 300_000, earlyBirdEndsAt: '2026-07-01T00:00' }))).json();
    const rise = await api('PATCH', `/api/v1/events/${ok.slug}`, { priceOre: 250_000 });
    expect(rise.statusCode).toBe(422);
    expect(rise.json().errors).toEqual([expect.objectContaining({ path: 'earlyBirdPriceOre', code: 'early_bird_not_below_price' })]);
    expect((await loadStoredEvent(t.current.ctx.db, ok.id))!.document.priceOre).toBe(450_000);
  });
});
