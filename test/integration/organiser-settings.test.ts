import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { AppContext } from '../../src/context.js';
import { demoOrganiserSettings } from '../../src/demo/organiser.js';
import { getOrganiserSettings, saveOrganiserSettings } from '../../src/organiser/organiser.service.js';
import { createTestContext, TEST_NOW } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';

forEachDialect('organiser settings storage', (dialect) => {
  let ctx: AppContext;
  let database: TestDatabase;
  beforeAll(async () => {
    ({ ctx, database } = await createTestContext(dialect));
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('has no settings on a new installation', async () => {
    expect(await getOrganiserSettings(ctx.db)).toBeNull();
  });

  it('stores the settings in one row and reads back the same values', async () => {
    await saveOrganiserSettings(ctx.db, demoOrganiserSettings, TEST_NOW.toISOString());
    expect(await getOrganiserSettings(ctx.db)).toEqual(demoOrganiserSettings);
    const changed = {
      ...demoOrganiserSettings,
      legalName: 'Ændret Kursuscenter ApS',
      paymentTermsDays: 14,
      iban: null,
      invoiceIssueTiming: 'after-event' as const,
    };
    await ctx.db.transaction().execute((trx) => saveOrganiserSettings(trx, changed, TEST_NOW.toISOString()));
    expect(await getOrganiserSettings(ctx.db)).toEqual(changed);
    const rows = await ctx.db.selectFrom('organiser_settings').select('id').execute();
    expect(rows.map((r) => Number(r.id))).toEqual([1]);
  });

  it('refuses invalid settings from any caller and keeps what was stored', async () => {
    const before = await getOrganiserSettings(ctx.db);
    await expect(saveOrganiserSettings(ctx.db, { ...demoOrganiserSettings, cvr: '12345675' }, TEST_NOW.toISOString())).rejects.toThrow(/cvr cvr_checksum/);
    await expect(saveOrganiserSettings(ctx.db, { ...demoOrganiserSettings, gln: '5799999999995' }, TEST_NOW.toISOString())).rejects.toThrow(/gln gln_checksum/);
    expect(await getOrganiserSettings(ctx.db)).toEqual(before);
  });

  it('a failed transaction leaves nothing half-saved', async () => {
    const before = await getOrganiserSettings(ctx.db);
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await saveOrganiserSettings(trx, { ...demoOrganiserSettings, legalName: 'Halvt gemt' }, TEST_NOW.toISOString());
        throw new Error('something after the save failed');
      }),
    ).rejects.toThrow('something after the save failed');
    expect(await getOrganiserSettings(ctx.db)).toEqual(before);
  });

  it('the database itself refuses a second row and terms outside 1–90 days', async () => {
    await expect(
      sql`INSERT INTO organiser_settings (id, legal_name, address, postal_code, city, country_code, cvr, gln, bank_reg_no, bank_account_no, payment_terms_days, invoice_number_prefix, invoice_issue_timing, invoice_email_from, updated_at)
      VALUES (2, 'x', 'x', '1', 'x', 'DK', '12345674', '5799999999994', '1234', '1', 30, '', 'on-confirmation', 'a@b.dk', 'now')`.execute(ctx.db),
    ).rejects.toThrow();
    await expect(sql`UPDATE organiser_settings SET payment_terms_days = 91`.execute(ctx.db)).rejects.toThrow();
  });
});
