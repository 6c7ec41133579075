import { expect, test, type APIRequestContext } from '@playwright/test';
import { localDateKey } from '../../src/lib/dates.js';
import { formatCalendarDate } from '../../src/invoices/views/admin/format.js';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

/**
 * The finance pages: a municipality signs up (the reconciler issues its
 * invoice in the server within seconds), finance finds it with the filters
 * (the buyer typed in lower case, Ø and all), opens it, downloads the PDF
 * and the XML, marks it paid and takes that back. axe on every page visited.
 */

const run = `${Date.now()}-${process.pid}`;
const BUYER = 'Ørsted Kommune';

interface EventItem {
  slug: string;
  title: string;
  signup: { open: boolean };
  priceExVatOre: number;
}

/** Signs Ørsted Kommune up for the first priced event open for sign-up; its title. */
async function signUpOrsted(request: APIRequestContext): Promise<string> {
  const list = (await (await request.get('/api/v1/events?perPage=20')).json()) as { items: EventItem[] };
  for (const event of list.items.filter((e) => e.signup.open && e.priceExVatOre > 0)) {
    const res = await request.post(`/api/v1/events/${event.slug}/registrations`, {
      data: {
        locale: 'da',
        payer: {
          organisation: BUYER,
          cvr: '29189722',
          address: 'Rådhuspladsen 1',
          postalCode: '8660',
          city: 'Skanderborg',
          email: `faktura-${run}@oersted.dk`,
        },
        booker: { name: 'Ole Ørsted', email: `ole-${run}@oersted.dk` },
        participants: [{ name: 'Åse Ærø', email: `aase-${run}@oersted.dk`, jobTitle: 'Konsulent', workplace: 'Økonomi' }],
        acceptTerms: true,
      },
    });
    if (res.status() === 201) return event.title;
  }
  throw new Error('no priced event among the soonest twenty took the sign-up');
}

test('finance finds an invoice with the filters, downloads it, marks it paid and undoes that', async ({ page, request }) => {
  const eventTitle = await signUpOrsted(request);
  await loginAs(page, 'finance', '/admin/invoices');
  await expect(page.getByRole('heading', { level: 1, name: 'Fakturaer og kreditnotaer' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The invoicing reconciler runs in the server; the list shows the invoice once it is issued.
  const search = `/admin/invoices?buyer=${encodeURIComponent('ørsted')}`;
  await expect(async () => {
    await page.goto(search);
    await expect(page.getByRole('status')).toHaveText('1 dokument', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // The filter form, filled by hand: the buyer in lower case, the event, the kind and the status.
  await page.goto('/admin/invoices');
  await page.getByLabel('Køber').fill('ørsted');
  await page.getByLabel('Arrangement').selectOption({ label: eventTitle });
  await page.getByLabel('Type').selectOption({ label: 'Faktura' });
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page.getByRole('status')).toHaveText('1 dokument');
  await expect(page.getByLabel('Køber')).toHaveValue('ørsted');
  const row = page.getByRole('table', { name: 'Fakturaer og kreditnotaer' }).getByRole('row').filter({ hasText: BUYER });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(eventTitle);
  await expect(page.getByRole('link', { name: 'Hent som CSV til bogføring' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A filter that cannot be read: the error beside the field and in the summary, nothing listed.
  await page.getByLabel('Udstedt fra').fill('2026-06-01');
  await page.getByLabel('Udstedt til').fill('2026-01-01');
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveTitle(/^Fejl: /);
  await expect(page.getByRole('alert').getByRole('link').first()).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.goto(search);
  const number = (await page.getByRole('table').getByRole('rowheader').first().innerText()).trim();
  await page.getByRole('link', { name: number, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Faktura ${number}` })).toBeVisible();
  await expect(page.getByText(BUYER)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Linjer' })).toBeVisible();
  await expectNoAxeViolations(page);

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent PDF' }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const pdfBytes = await (await pdf.createReadStream()).toArray();
  expect(Buffer.concat(pdfBytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const [xml] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Hent XML/ }).click()]);
  expect(xml.suggestedFilename()).toMatch(/\.xml$/);
  const xmlText = Buffer.concat(await (await xml.createReadStream()).toArray()).toString('utf8');
  expect(xmlText).toContain('<Invoice');
  expect(xmlText).toContain(`<cbc:ID>${number}</cbc:ID>`);
  expect(xmlText).toContain(BUYER);

  // A payment date before the invoice date is refused: beside the field and in the summary.
  await page.getByLabel('Betalingsdato').fill('2000-01-01');
  await page.getByRole('button', { name: 'Markér som betalt' }).click();
  await expect(page).toHaveTitle(/^Fejl: /);
  await expect(page.getByRole('alert').getByRole('link', { name: 'Betalingsdatoen kan ikke ligge før fakturadatoen.' })).toHaveAttribute('href', '#paid-date');
  await expect(page.getByLabel('Betalingsdato')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Betalingsdato')).toHaveValue('2000-01-01');
  await expectNoAxeViolations(page);

  // Empty means today.
  await page.getByLabel('Betalingsdato').fill('');
  await page.getByRole('button', { name: 'Markér som betalt' }).click();
  await expect(page).toHaveURL(/\?done=paid$/);
  await expect(page.getByRole('status')).toContainText('Fakturaen er markeret som betalt.');
  const today = localDateKey(new Date().toISOString());
  await expect(page.getByText(`Betalt ${formatCalendarDate(today, 'da')}.`)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`/admin/invoices?buyer=${encodeURIComponent('ørsted')}&status=paid`);
  await expect(page.getByRole('status')).toHaveText('1 dokument');

  await page.getByRole('link', { name: number, exact: true }).click();
  await page.getByRole('button', { name: 'Fortryd betaling' }).click();
  await expect(page).toHaveURL(/\?done=undone$/);
  await expect(page.getByRole('status')).toContainText('Betalingen er fjernet igen.');
  await expect(page.getByRole('button', { name: 'Markér som betalt' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`/admin/invoices?buyer=${encodeURIComponent('ørsted')}&status=paid`);
  await expect(page.getByRole('status')).toHaveText('0 dokumenter');
});
