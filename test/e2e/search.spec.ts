import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';

const phone = { width: 390, height: 844 };
const laptop = { width: 1280, height: 800 };

const copy = {
  da: {
    home: '/',
    label: 'Søg efter kurser, konferencer og netværk',
    catalogue: '/arrangementer',
    shownFor: 'Viser resultater for »ledelse«',
    count: '2 filtre valgt',
  },
  en: {
    home: '/en',
    label: 'Search for courses, conferences and networks',
    catalogue: '/en/events',
    shownFor: 'Showing results for “ledelse”',
    count: '2 filters selected',
  },
} as const;

async function searchFromFrontPage(page: Page, locale: 'da' | 'en', words: string): Promise<void> {
  await page.goto(copy[locale].home);
  const box = page.getByLabel(copy[locale].label);
  await box.focus();
  await page.keyboard.type(words);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
}

for (const [name, viewport] of [
  ['phone', phone],
  ['laptop', laptop],
] as const) {
  for (const locale of ['da', 'en'] as const) {
    test.describe(`search on a ${name} (${locale})`, () => {
      test.use({ viewport });

      test('the front page search box finds "ledelse" when "ledlse" is typed', async ({ page }) => {
        await searchFromFrontPage(page, locale, 'ledlse');
        await expect(page).toHaveURL(new RegExp(`${copy[locale].catalogue}\\?q=ledlse$`));
        await expect(page.getByText(copy[locale].shownFor)).toBeVisible();
        await expect(page.locator('.card-heading a').first()).toBeVisible();
        await expectNoAxeViolations(page);
        await page.goto(copy[locale].home);
        await expectNoAxeViolations(page);
      });

      test('the filters fold away on a phone and say how many are in use', async ({ page }) => {
        await page.goto(`${copy[locale].catalogue}?q=ledelse&type=kursus`);
        const toggle = page.locator('.tilmeld-filter-accordion .accordion-button');
        await expect(toggle).toContainText(copy[locale].count);
        const filters = page.locator('#catalogue-filters');
        if (name === 'phone') {
          await expect(toggle).toHaveAttribute('aria-expanded', 'false');
          await expect(filters).toBeHidden();
          // The results come before the filters.
          await expect(page.locator('.card-heading a').first()).toBeInViewport();
          await expectNoAxeViolations(page);
          await toggle.focus();
          await page.keyboard.press('Enter');
          await expect(toggle).toHaveAttribute('aria-expanded', 'true');
          await expect(filters).toBeVisible();
          await expect(page.locator('#type')).toHaveValue('kursus');
        } else {
          await expect(toggle).toHaveAttribute('aria-expanded', 'true');
          await expect(filters).toBeVisible();
        }
        await expectNoAxeViolations(page);
      });
    });
  }
}

test('without JavaScript the filters stay open on a phone', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: phone });
  const page = await context.newPage();
  await page.goto('/arrangementer?type=kursus');
  await expect(page.locator('#catalogue-filters')).toBeVisible();
  await expect(page.locator('#q')).toBeVisible();
  await context.close();
});
