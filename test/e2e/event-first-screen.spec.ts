import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';

/**
 * A buyer's first screen of an event page, on a phone and a laptop, in Danish
 * and English: the dates, the price and the sign-up button (or the waiting
 * list or why it is closed) are visible without scrolling.
 */

const viewports = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
const catalogues = { da: '/arrangementer', en: '/en/events' } as const;
const buttonName = { da: /^(Tilmeld dig|Skriv dig på ventelisten)$/, en: /^(Sign up|Join the waiting list)$/ } as const;

/** Every event page linked from the first page of the catalogue. */
async function eventPaths(page: Page, catalogue: string): Promise<string[]> {
  await page.goto(catalogue);
  const hrefs = await page.locator('.card-heading a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(3);
  return hrefs;
}

async function expectInFirstScreen(page: Page, selector: ReturnType<Page['locator']>, what: string): Promise<void> {
  await expect(selector, what).toBeVisible();
  const box = await selector.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  expect(box!.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what}: bottom within ${viewport.height} px`).toBeLessThanOrEqual(viewport.height);
  expect(box!.x + box!.width, `${what}: right within ${viewport.width} px`).toBeLessThanOrEqual(viewport.width);
}

for (const viewport of viewports) {
  for (const locale of ['da', 'en'] as const) {
    test(`${viewport.width}×${viewport.height} ${locale}: dates, price and the sign-up button are in the first screen of every event`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      for (const path of await eventPaths(page, catalogues[locale])) {
        await page.goto(path);
        const facts = page.locator('.tilmeld-keyfacts');
        await expectInFirstScreen(page, facts.locator('.tilmeld-keyfacts-when'), `${path} dates`);
        await expectInFirstScreen(page, facts.locator('.tilmeld-keyfacts-price'), `${path} price`);
        const button = facts.getByRole('link', { name: buttonName[locale] });
        if ((await button.count()) > 0) await expectInFirstScreen(page, button, `${path} sign-up button`);
        else await expectInFirstScreen(page, facts.locator('.tilmeld-signup-closed'), `${path} why sign-up is closed`);
      }
    });
  }
}

test('the event page at 390 px in English marks Danish text, states the language and passes axe', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const [first] = await eventPaths(page, '/en/events');
  await page.goto(first!);
  await expect(page.locator('h1')).toHaveAttribute('lang', 'da');
  await expect(page.getByText('The event is held in Danish.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Cancellation' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Price and add-ons' })).toBeVisible();
  await expectNoAxeViolations(page);
});
