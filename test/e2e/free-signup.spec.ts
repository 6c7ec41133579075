import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';

/**
 * The sign-up of the demo's free webinar: no payer step, only the
 * participants and the confirmation, no amounts anywhere. Checked with axe on
 * every page, wide and at 390 px. Other specs share the demo database, so the
 * receipt may say confirmed or waiting list.
 */

const WEBINAR = '/arrangementer/webinar-forvaltningsloven-i-praksis/tilmelding';

async function signUp(page: Page, email: string): Promise<void> {
  await page.goto(WEBINAR);
  await expect(page.locator('h2', { hasText: 'Trin 1 af 2: Deltagere' })).toBeVisible();
  await expect(page.locator('#payer-organisation')).toHaveCount(0);
  await expect(page.locator('.step-indicator li')).toHaveCount(2);
  await expectNoAxeViolations(page);

  await page.fill('#participants-0-name', 'Signe Dahl');
  await page.fill('#participants-0-email', email);
  await page.fill('#participants-0-jobTitle', 'Sagsbehandler');
  await page.fill('#participants-0-workplace', 'Odder Kommune');
  await Promise.all([page.waitForNavigation(), page.locator('.tilmeld-form-actions button[value="next"]').click()]);

  await expect(page.locator('h2', { hasText: 'Trin 2 af 2: Bekræft' })).toBeVisible();
  await expect(page.locator('main')).not.toContainText('kr.');
  await expect(page.locator('main')).not.toContainText('Betaler');
  await expectNoAxeViolations(page);

  await page.check('#acceptTerms');
  await Promise.all([page.waitForNavigation(), page.locator('.tilmeld-form-actions button[value="submit"]').click()]);
  await expect(page.locator('h1')).toHaveText('Tak for din tilmelding');
  await expect(page.locator('main')).toContainText('Signe Dahl');
  await expect(page.locator('main')).not.toContainText('kr.');
  await expectNoAxeViolations(page);
}

test('a free webinar asks for no payer and shows no amounts', async ({ page }) => {
  await signUp(page, `signe.dahl+${Date.now()}@odder.dk`);
});

test('the same at 390 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(page, `signe.dahl.mobil+${Date.now()}@odder.dk`);
});
