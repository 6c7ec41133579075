import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';

const catalogues = [
  '/arrangementer',
  '/en/events',
  '/arrangementer?q=konsulenter',
  '/arrangementer?type=kursus&free=1',
  '/arrangementer?place=online',
  '/en/events?q=ledelse&type=konference',
  '/arrangementer?q=xylofonundervisning',
];

for (const path of catalogues) {
  test(`catalogue ${path} has no accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('#results-heading')).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

const types = ['kursus', 'konference', 'doegnseminar', 'netvaerk', 'webinar'] as const;

/** Opens the first event of a type from the catalogue, as a visitor would. */
async function openFirstOfType(page: Page, catalogue: string, type: string): Promise<void> {
  await page.goto(`${catalogue}?type=${type}`);
  const first = page.locator('.card-heading a').first();
  await expect(first, `an event of type ${type}`).toBeVisible();
  await first.click();
  await expect(page.locator('h1')).toHaveCount(1);
}

for (const type of types) {
  test(`the page of a ${type} has no accessibility violations`, async ({ page }) => {
    await openFirstOfType(page, '/arrangementer', type);
    await expect(page.locator('nav.breadcrumbs')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Program', exact: true })).toBeVisible();
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(ld['@type']).toBe('Event');
    await expectNoAxeViolations(page);
  });

  test(`the English page of a ${type} has no accessibility violations`, async ({ page }) => {
    await openFirstOfType(page, '/en/events', type);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { name: 'Programme', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('the calendar link downloads an .ics file', async ({ page }) => {
  await openFirstOfType(page, '/arrangementer', 'doegnseminar');
  const link = page.getByRole('link', { name: 'Hent i din kalender (.ics)' });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\/kalender\.ics$/);
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(await res.text()).toContain('BEGIN:VEVENT');
});

test('a visitor can search and filter the catalogue with the keyboard only', async ({ page }) => {
  await page.goto('/arrangementer');
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

  // Tab from the top of the page to the search field.
  for (let i = 0; i < 30 && (await focusedId()) !== 'q'; i++) await page.keyboard.press('Tab');
  expect(await focusedId()).toBe('q');
  await page.keyboard.type('konsulenter');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]q=konsulenter/);
  await expect(page.locator('#results-heading')).toContainText(/arrangement/);
  const found = await page.locator('.card-heading a').count();
  expect(found).toBeGreaterThan(0);

  // The words stay in the field; tick "only free seats" and send the form again.
  await expect(page.locator('#q')).toHaveValue('konsulenter');
  for (let i = 0; i < 30 && (await focusedId()) !== 'free'; i++) await page.keyboard.press('Tab');
  expect(await focusedId()).toBe('free');
  await page.keyboard.press('Space');
  await expect(page.locator('#free')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Vis arrangementer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/free=1/);
  await expect(page).toHaveURL(/q=konsulenter/);
  await expect(page.locator('#free')).toBeChecked();

  // On to the first result and into its page.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.closest('.card-heading') !== null)) break;
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/arrangementer\/[^/?]+$/);
  await expect(page.locator('h1')).toHaveCount(1);
});
