/**
 * Member and early-bird prices charged: a payer on the member list (by CVR
 * or EAN, valid on the day) gets the member price through the API and the
 * form, the invoice names it ("Medlemspris" in UBL and PDF), and an
 * early-bird price applies before its deadline. The clock stands at
 * 1 June 2026 (TEST_NOW).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderInvoicePdf } from '../../src/invoices/pdf.js';
import { validateInvoiceDocument } from '../../src/invoices/rules.js';
import { renderUbl } from '../../src/invoices/ubl.js';
import { saveMember } from '../../src/organiser/members.service.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { pdfText } from '../helpers/pdf-text.js';
import { bearerFor, createStaff } from '../helpers/staff.js';
import { validateUbl } from '../helpers/ubl-schema.js';
import { ledger, reconcile } from './invoices-helpers.js';
import { makeEvent, signup, type TestEvent } from './registrations-fixtures.js';
import { FormClient } from './signup-form-client.js';

const actor = { id: 1, email: 'admin@kursus.dk' };
/** Valid CVR numbers (modulus 11) other than the fixtures' 55133018. */
const MEMBER_CVR = '29189897';
const OTHER_CVR = '64942212';
const MEMBER_EAN = '5798000416604';

forEachDialect('member and early-bird prices', (dialect) => {
  const t = useTestApp(dialect);
  let event: TestEvent;

  beforeAll(async () => {
    const { ctx } = t.current;
    event = await makeEvent(ctx, { memberPriceOre: 295_000, capacity: 50 });
    const add = async (fields: Record<string, string>) => {
      const saved = await saveMember(ctx, actor, undefined, fields);
      if (!saved.ok) throw new Error(JSON.stringify(saved));
    };
    await add({ name: 'Kommunernes Kursusforening', cvr: MEMBER_CVR, validFrom: '2026-01-01', validTo: '2026-12-31' });
    await add({ name: 'Region Midt', ean: MEMBER_EAN });
    await add({ name: 'Udløbet medlem', cvr: OTHER_CVR, validTo: '2026-05-31' });
  });

  const post = (slug: string, body: unknown) => t.current.app.inject({ method: 'POST', url: `/api/v1/events/${slug}/registrations`, payload: body as object });
  const payer = (over: Record<string, unknown>) => ({ ...signup(1).payer, ...over });

  it('gives a payer whose CVR is on the list the member price, in the API answer and the stored booking', async () => {
    const res = await post(event.slug, signup(2, 1, { payer: payer({ cvr: MEMBER_CVR, ean: null, personReference: null }) }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ priceKind: 'member', seatPriceOre: 295_000, totals: { exVatOre: 590_000, vatOre: 147_500, inclVatOre: 737_500 } });
    const row = await t.current.ctx.db.selectFrom('registrations').select('price_kind').where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(row.price_kind).toBe('member');
    const prices = await t.current.ctx.db.selectFrom('participants').select('price_ore').where('registration_id', '=', body.id).execute();
    expect(prices.map((p) => p.price_ore)).toEqual([295_000, 295_000]);
  });

  it('matches a member by EAN when the CVR is not on the list', async () => {
    const res = await post(event.slug, signup(1, 10, { payer: payer({ cvr: '55133018', ean: MEMBER_EAN }) }));
    expect(res.json()).toMatchObject({ priceKind: 'member', seatPriceOre: 295_000 });
  });

  it('charges the normal price to a payer not on the list, or whose membership has ended', async () => {
    const stranger = await post(event.slug, signup(1, 20, { payer: payer({ cvr: '55133018', ean: null, personReference: null }) }));
    expect(stranger.json()).toMatchObject({ priceKind: 'normal', seatPriceOre: 395_000 });
    const ended = await post(event.slug, signup(1, 21, { payer: payer({ cvr: OTHER_CVR, ean: null, personReference: null }) }));
    expect(ended.json()).toMatchObject({ priceKind: 'normal', seatPriceOre: 395_000 });
  });

  it('gives no member price on an event without one, even to a member', async () => {
    const plain = await makeEvent(t.current.ctx);
    const res = await post(plain.slug, signup(1, 30, { payer: payer({ cvr: MEMBER_CVR, ean: null, personReference: null }) }));
    expect(res.json()).toMatchObject({ priceKind: 'normal', seatPriceOre: 395_000 });
  });

  it('invoices the member price as "Medlemspris" in a valid UBL document and the PDF, and the staff API says so', async () => {
    const { ctx } = t.current;
    const created = (await post(event.slug, signup(1, 40, { payer: payer({ cvr: MEMBER_CVR, ean: MEMBER_EAN }) }))).json();
    await reconcile(ctx, created.id);
    const [invoice] = (await ledger(ctx, created.id)).invoices;
    expect(invoice).toBeDefined();
    const doc = invoice!.document;
    expect(doc.lines.map((l) => [l.description, l.lineNetOre])).toEqual([['Medlemspris – deltagelse: Deltager 40', 295_000]]);
    expect(validateInvoiceDocument(doc)).toEqual([]);
    const xml = renderUbl(doc);
    expect(xml).toContain('<cbc:Name>Medlemspris – deltagelse: Deltager 40</cbc:Name>');
    expect(validateUbl(xml)).toEqual({ valid: true, errors: '' });
    expect(pdfText(await renderInvoicePdf(doc))).toContain('Medlemspris – deltagelse: Deltager 40');
    const admin = await bearerFor(ctx, (await createStaff(ctx, 'admin')).id);
    const staffView = await t.current.app.inject({ url: `/api/v1/registrations/${created.id}`, headers: { authorization: admin } });
    expect(staffView.json()).toMatchObject({ id: created.id, priceKind: 'member' });
  });

  describe('early-bird price', () => {
    let early: TestEvent;
    beforeAll(async () => {
      const { ctx } = t.current;
      early = await makeEvent(ctx, { memberPriceOre: 295_000 });
      await ctx.db
        .updateTable('events')
        .set({ early_bird_price_ore: 345_000, early_bird_ends_at: '2026-06-30T22:00:00.000Z' })
        .where('id', '=', early.id)
        .execute();
    });

    it('applies before the deadline to anyone, and the member price still wins for a member', async () => {
      const anyone = (await post(early.slug, signup(1, 50, { payer: payer({ ean: null, personReference: null }) }))).json();
      expect(anyone).toMatchObject({ priceKind: 'earlyBird', seatPriceOre: 345_000 });
      const member = (await post(early.slug, signup(1, 51, { payer: payer({ cvr: MEMBER_CVR, ean: null, personReference: null }) }))).json();
      expect(member).toMatchObject({ priceKind: 'member', seatPriceOre: 295_000 });
      await reconcile(t.current.ctx, anyone.id);
      const [invoice] = (await ledger(t.current.ctx, anyone.id)).invoices;
      expect(invoice!.document.lines[0]!.description).toBe('Førtidspris – deltagelse: Deltager 50');
      expect(validateUbl(renderUbl(invoice!.document)).valid).toBe(true);
    });

    it('no longer applies from the deadline on', async () => {
      await t.current.ctx.db.updateTable('events').set({ early_bird_ends_at: '2026-06-01T10:00:00.000Z' }).where('id', '=', early.id).execute();
      const late = (await post(early.slug, signup(1, 52, { payer: payer({ ean: null, personReference: null }) }))).json();
      expect(late).toMatchObject({ priceKind: 'normal', seatPriceOre: 395_000 });
    });
  });

  it('says so on the form before the sign-up is sent, and on the receipt', async () => {
    const form = new FormClient(t.current.app, `/arrangementer/${event.slug}/tilmelding`);
    await form.open();
    await form.submit('next', payerFields(MEMBER_CVR));
    await form.submit('next', participantFields(60));
    expect(form.status).toBe(200);
    expect(form.html).toContain('Betaleren står på arrangørens medlemsliste, så I betaler medlemspris.');
    expect(form.html).toContain('Deltagelse, medlemspris');
    expect(form.html).toContain('2.950,00 kr.');
    await form.submit('submit', { acceptTerms: '1' });
    expect(form.status).toBe(201);
    expect(form.html).toContain('Prisen er medlemspris, fordi betaleren står på medlemslisten.');
  });
});

function payerFields(cvr: string): Record<string, string> {
  return {
    'payer[organisation]': 'Kommunernes Kursusforening',
    'payer[cvr]': cvr,
    'payer[ean]': '',
    'payer[personReference]': '',
    'payer[poNumber]': '',
    'payer[address]': 'Weidekampsgade 10',
    'payer[postalCode]': '2300',
    'payer[city]': 'København S',
    'payer[email]': 'faktura@kursus.dk',
    'booker[name]': 'Bente Booker',
    'booker[email]': 'bente@kursus.dk',
  };
}

function participantFields(n: number): Record<string, string> {
  return {
    'participants[0][name]': `Deltager ${n}`,
    'participants[0][email]': `deltager${n}@kommune.dk`,
    'participants[0][jobTitle]': 'Konsulent',
    'participants[0][workplace]': 'Borgerservice',
  };
}
