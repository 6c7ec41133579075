import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';

/** The demo content's article from 24 May 2016, with its programme PDF. */
const ARTICLE = 'konsulenten-som-facilitator-i-den-politisk-styrede-kommune';

test('the news list is accessible and pages with plain links', async ({ page }) => {
  await page.goto('/nyheder');
  await expect(page.locator('h1')).toHaveText('Nyheder');
  await expect(page.locator('h1')).toHaveCount(1);
  const cards = page.locator('main .tilmeld-cards > li');
  expect(await cards.count()).toBeGreaterThan(0);
  expect(await cards.count()).toBeLessThanOrEqual(10);
  await expectNoAxeViolations(page);

  const next = page.getByRole('navigation', { name: 'Sideinddeling' }).getByRole('link', { name: 'Næste' });
  if ((await next.count()) > 0) {
    await next.click();
    await expect(page).toHaveURL(/\/nyheder\?page=2$/);
    await expect(page.locator('[aria-current="page"]').filter({ hasText: '2' })).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

test('the English news list is accessible', async ({ page }) => {
  await page.goto('/en/news');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText('News');
  await expectNoAxeViolations(page);
});

test('the 2016 article reads in Danish with its date, call to action and further material', async ({ page }) => {
  await page.goto(`/nyheder/${ARTICLE}`);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('h1')).toHaveText('Konsulenten som facilitator i den politisk styrede kommune');
  await expect(page.locator('article time')).toHaveText('24. maj 2016');
  await expect(page.locator('.tilmeld-article-body h2').first()).toBeVisible();
  await expect(page.locator('.tilmeld-article-body blockquote').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Yderligere materiale' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Læs mere/ }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the article reads in English with an English date', async ({ page }) => {
  await page.goto(`/en/news/${ARTICLE}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('article time')).toHaveText('24 May 2016');
  await expect(page.getByRole('heading', { level: 2, name: 'Further material' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Related events' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the call to action leads to the event page', async ({ page }) => {
  await page.goto('/nyheder/doegnseminaret-om-konsulentrollen-er-tilbage');
  const cta = page.getByRole('link', { name: /^Læs mere og tilmeld dig/ }).first();
  await expect(cta).toBeVisible();
  const href = await cta.getAttribute('href');
  expect(href).toMatch(/^\/arrangementer\/[^/]+$/);
  await cta.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator('h1')).toHaveCount(1);
});

test('clicking a material downloads the PDF with the right headers', async ({ page }) => {
  await page.goto(`/nyheder/${ARTICLE}`);
  const link = page.getByRole('link', { name: 'Døgnseminar. Politisk konsulent 2016' });
  await expect(page.locator('.tilmeld-materials li').first()).toContainText('(PDF,');
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/materialer\/\d+\/doegnseminar-politisk-konsulent-2016\.pdf$/);

  const downloadPromise = page.waitForEvent('download');
  await link.click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('doegnseminar-politisk-konsulent-2016.pdf');
  expect(new URL(download.url()).pathname).toBe(href);

  // A download fires no response event in the page, so ask for the same address again to see its headers.
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers['content-type']).toBe('application/pdf');
  expect(headers['content-disposition']).toBe('attachment; filename="doegnseminar-politisk-konsulent-2016.pdf"');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['cache-control']).toBe('public, max-age=300');
  const body = await response.body();
  expect(Number(headers['content-length'])).toBe(body.length);
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');
  expect(await download.failure()).toBeNull();
});
