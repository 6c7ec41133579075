import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';

const pages = ['/', '/en', '/tilgaengelighed', '/en/accessibility', '/privatliv', '/en/privacy', '/findes-ikke'];

for (const path of pages) {
  test(`${path} has no accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('h1')).toHaveCount(1);
    await expectNoAxeViolations(page);
  });
}

test('the language switch leads to the same page in English and back', async ({ page }) => {
  await page.goto('/tilgaengelighed');
  await page.getByRole('link', { name: 'Read this page in English' }).click();
  await expect(page).toHaveURL(/\/en\/accessibility$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'Læs siden på dansk' }).click();
  await expect(page).toHaveURL(/\/tilgaengelighed$/);
});
