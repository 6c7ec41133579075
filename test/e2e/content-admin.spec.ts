import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';
import { pdfBytes, plainZipBytes } from '../helpers/documents.js';

/**
 * The back office for news and materials in the browser: an event manager
 * writes an article, previews it, schedules it (not on the site), then
 * publishes it (on the site); uploads a material for participants, which a
 * participant then downloads from their booking's self-service page (and
 * nobody from a public address). axe on every page of the back office
 * added here, in its plain and its error states.
 */

const run = Date.now().toString(36);
const SEMINAR = 'konsulent-i-en-politisk-styret-organisation-';

test.setTimeout(120_000);

/** Tomorrow in Danish time as dd-mm-yyyy. */
function tomorrowDanish(): string {
  const d = new Date(Date.now() + 36 * 3600_000);
  const [y, m, day] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(d).split('-');
  return `${day}-${m}-${y}`;
}

test('an event manager writes, previews and schedules an article, then publishes it', async ({ page }) => {
  const headline = `Nyt om facilitering ${run}`;
  const slug = `nyt-om-facilitering-${run}`;
  await loginAs(page, 'manager', '/admin/news');
  await expect(page.locator('h1')).toHaveText('Nyheder');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Skriv en nyhed' }).click();
  await expect(page.locator('h1')).toHaveText('Skriv en nyhed');
  await expectNoAxeViolations(page);

  // An error first: no headline.
  await page.getByRole('button', { name: 'Gem nyheden' }).click();
  await expect(page).toHaveTitle(/^Fejl: /);
  await expect(page.locator('#headline-error')).toContainText('Skriv en overskrift.');
  await expectNoAxeViolations(page);

  await page.getByLabel('Overskrift').fill(headline);
  await page.getByLabel(/^Manchet/).fill('Konsulenter skaber inspiration på tværs af organisationer.');
  await page.getByLabel('Brødtekst').fill('Første afsnit med **fed** tekst.\n\n# Tre greb\n\n- tillid\n- relationer\n\n<script>alert(1)</script>');
  await page.getByRole('button', { name: 'Vis eksempel' }).click();
  const preview = page.locator('#preview');
  await expect(preview.getByRole('heading', { name: 'Eksempel' })).toBeVisible();
  await expect(preview.locator('.tilmeld-article-body h2')).toHaveText('Tre greb');
  await expect(preview.locator('.tilmeld-article-body strong')).toHaveText('fed');
  await expect(preview).toContainText('<script>alert(1)</script>');
  await expect(page.getByLabel('Overskrift')).toHaveValue(headline);
  await expectNoAxeViolations(page);

  // Schedule it for tomorrow morning.
  await page.getByLabel('Offentliggør').check();
  await page.getByLabel('Dato (dd-mm-åååå)').fill(tomorrowDanish());
  await page.getByLabel('Klokkeslæt (tt:mm)').fill('08:00');
  await page.getByRole('button', { name: 'Gem nyheden' }).click();
  await expect(page.getByRole('status')).toContainText('Nyheden er oprettet.');
  await expect(page.locator('.badge')).toContainText('Planlagt til');
  await expectNoAxeViolations(page);
  const editUrl = page.url().replace(/\?.*$/, '');

  // Nowhere on the public site yet.
  expect((await page.request.get(`/nyheder/${slug}`)).status()).toBe(404);
  expect(await (await page.request.get('/nyheder')).text()).not.toContain(headline);
  expect(await (await page.request.get('/nyheder/feed.xml')).text()).not.toContain(headline);

  // The list shows it as scheduled.
  await page.goto('/admin/news');
  await expect(page.locator('tr', { hasText: headline })).toContainText('Planlagt til');

  // Publish now instead: clear the time.
  await page.goto(editUrl);
  await page.getByLabel('Dato (dd-mm-åååå)').fill('');
  await page.getByLabel('Klokkeslæt (tt:mm)').fill('');
  await page.getByRole('button', { name: 'Gem nyheden' }).click();
  await expect(page.getByRole('status')).toContainText('Nyheden er gemt.');
  await expect(page.locator('.badge')).toContainText('Offentliggjort');
  await page.getByRole('link', { name: 'Se nyheden på hjemmesiden' }).click();
  await expect(page.locator('h1')).toHaveText(headline);
  await expect(page.locator('.tilmeld-article-body')).toContainText('<script>alert(1)</script>');

  // The delete confirmation (not confirmed).
  await page.goto(`${editUrl}/delete`);
  await expect(page.locator('h1')).toContainText('Slet nyheden');
  await expectNoAxeViolations(page);
});

/** A registration of one participant for the coming døgnseminar, through the public API; its self-service path. */
async function register(request: APIRequestContext): Promise<{ manage: string; year: number }> {
  const year = new Date().getFullYear();
  for (const y of [year, year + 1, year + 2]) {
    const res = await request.post(`/api/v1/events/${SEMINAR}${y}/registrations`, {
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
        booker: { name: 'Karen Kursist', email: `karen-${run}@skanderborg.dk` },
        participants: [{ name: 'Karen Kursist', email: `karen-${run}@skanderborg.dk`, jobTitle: 'Konsulent', workplace: 'Borgerservice' }],
        acceptTerms: true,
      },
    });
    if (res.status() === 201) return { manage: new URL(((await res.json()) as { manageUrl: string }).manageUrl).pathname, year: y };
  }
  throw new Error('the coming døgnseminar was not open for sign-up');
}

async function chooseEvent(page: Page, year: number): Promise<void> {
  const option = page.locator('#event option', { hasText: 'Konsulent i en politisk styret organisation' }).filter({ hasText: String(year) });
  const value = await option.first().getAttribute('value');
  await page.locator('#event').selectOption(value!);
}

test('an event manager uploads a material for participants; a participant downloads it from the booking page', async ({ page, browser, request }) => {
  const { manage, year } = await register(request);
  const pdf = await pdfBytes(`Slides ${run}`);
  const title = `Slides fra dag 1 ${run}`;

  await loginAs(page, 'manager', '/admin/materials');
  await expect(page.locator('h1')).toHaveText('Materialer');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Upload et materiale' }).click();
  await expect(page.locator('h1')).toHaveText('Upload et materiale');
  await expectNoAxeViolations(page);

  // A zip renamed to .pdf is refused by its content.
  await page.locator('#file').setInputFiles({ name: 'slides.pdf', mimeType: 'application/pdf', buffer: plainZipBytes() });
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Kun deltagere – på deres tilmeldingsside').check();
  await chooseEvent(page, year);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page).toHaveTitle(/^Fejl: /);
  await expect(page.locator('#file-error')).toContainText('Filen er ikke en PDF eller et kontordokument');
  await expectNoAxeViolations(page);

  // The real PDF.
  await page.locator('#file').setInputFiles({ name: 'Slides – dag 1.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Materialet er uploadet.');
  await expect(page.locator('h1')).toHaveText('Rediger materialet');
  await expectNoAxeViolations(page);
  const materialUrl = page.url().replace(/\?.*$/, '');
  const id = Number(/\/admin\/materials\/(\d+)$/.exec(materialUrl)?.[1]);
  expect(id).toBeGreaterThan(0);

  await page.goto('/admin/materials');
  await expect(page.locator('tr', { hasText: title })).toContainText('Deltagere');
  await page.goto(`${materialUrl}/delete`);
  await expect(page.locator('h1')).toContainText('Slet materialet');
  await expectNoAxeViolations(page);

  // Not on any public address.
  expect((await request.get(`/materialer/${id}/${encodeURIComponent('Slides – dag 1.pdf')}`)).status()).toBe(404);

  // The participant, in a browser of their own, without any staff login.
  const participant = await browser.newContext();
  try {
    const own = await participant.newPage();
    await own.goto(manage);
    const section = own.locator('section', { has: own.getByRole('heading', { name: 'Materialer' }) });
    await expect(section).toBeVisible();
    const link = section.getByRole('link', { name: title });
    await expect(link).toBeVisible();
    await expectNoAxeViolations(own);
    const [download] = await Promise.all([own.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('Slides – dag 1.pdf');
    const saved = await download.path();
    expect(fs.readFileSync(saved!).equals(pdf)).toBe(true);
  } finally {
    await participant.close();
  }
});
