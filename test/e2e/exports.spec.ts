import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { parseCsv } from '../helpers/csv.js';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

/**
 * "Export a list and read it back": a participant whose name is a formula
 * signs up, a manager opens the dashboard and the event's exports, downloads
 * the CSV and the XLSX through the browser and reads both back: the name is
 * there as literal text. axe on the dashboard and the exports page.
 */

const EVIL = '=HYPERLINK("http://evil","x")';
const run = `${Date.now()}-${process.pid}`;

interface EventItem {
  slug: string;
  title: string;
  signup: { open: boolean };
}

/** Signs the formula up for the soonest event open for sign-up (the dashboard lists the soonest events). */
async function signUpFormula(request: APIRequestContext): Promise<string> {
  const list = (await (await request.get('/api/v1/events?perPage=10')).json()) as { items: EventItem[] };
  for (const event of list.items.filter((e) => e.signup.open)) {
    const res = await request.post(`/api/v1/events/${event.slug}/registrations`, {
      data: {
        locale: 'da',
        payer: {
          organisation: 'Skanderborg Kommune',
          cvr: '29189722',
          address: 'Adelgade 44',
          postalCode: '8660',
          city: 'Skanderborg',
          email: 'faktura@skanderborg.dk',
        },
        booker: { name: 'Birte Booker', email: `birte-${run}@skanderborg.dk` },
        participants: [{ name: EVIL, email: `evil-${run}@skanderborg.dk`, jobTitle: 'Konsulent', workplace: 'Borgerservice' }],
        acceptTerms: true,
      },
    });
    if (res.status() === 201) return event.title;
  }
  throw new Error('no event among the soonest ten took the sign-up');
}

test('export a list and read it back', async ({ page, request }) => {
  const title = await signUpFormula(request);
  await loginAs(page, 'manager');
  await expect(page.getByRole('heading', { level: 2, name: 'Kommende arrangementer' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Tilmeldte deltagere pr. dag' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByText('Vis tallene som tabel').click();
  await expect(page.getByRole('table', { name: 'Tilmeldte deltagere pr. dag' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page
    .getByRole('link', { name: `Udtræk: ${title}` })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Udtræk: ${title}`);
  await expectNoAxeViolations(page);

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV til Excel' }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^tilmeldinger-.+\.csv$/);
  const csv = fs.readFileSync((await csvDownload.path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(csv.toString('utf8'));
  const nameColumn = rows[0]!.indexOf('Navn');
  expect(rows.map((r) => r[nameColumn])).toContain(`'${EVIL}`);

  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel (XLSX)' }).click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/^tilmeldinger-.+\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync((await xlsxDownload.path())!) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Tilmeldinger')!;
  const names: ExcelJS.Cell[] = [];
  sheet.getColumn(nameColumn + 1).eachCell((cell) => names.push(cell));
  const evil = names.find((c) => c.value === EVIL);
  expect(evil?.type).toBe(ExcelJS.ValueType.String);
  expect(evil?.formula).toBeUndefined();
});
