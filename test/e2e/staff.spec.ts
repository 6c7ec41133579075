import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { e2eStaff, loginAs } from './staff.js';

/** Logging in and out of the back office, with axe on each page. */

test('the login page refuses a wrong password with an error summary, then logs in to where the visitor was going', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('E-mail').fill(e2eStaff.manager.email);
  await page.getByLabel('Adgangskode').fill('forkert-adgangskode');
  await page.getByRole('button', { name: 'Log ind' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('E-mail eller adgangskode er forkert.');
  await expectNoAxeViolations(page);

  await loginAs(page, 'manager');
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(e2eStaff.manager.name);
  const nav = page.getByRole('navigation', { name: 'Administrationsmenu' });
  await expect(nav.getByRole('link', { name: 'Arrangementer' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Medarbejdere' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page).toHaveURL(/\/admin\/login\?loggedOut=1$/);
  await expect(page.getByRole('status')).toContainText('Du er logget ud.');
  await expectNoAxeViolations(page);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login$/);
});

test('each role sees its own menu; the skip link reaches the content by keyboard', async ({ page }) => {
  await loginAs(page, 'admin');
  const nav = page.getByRole('navigation', { name: 'Administrationsmenu' });
  for (const name of ['Arrangementer', 'Fakturaer', 'Medarbejdere', 'Ændringslog', 'Indstillinger'])
    await expect(nav.getByRole('link', { name })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Gå til indhold' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main-content$/);

  await page.context().clearCookies();
  await loginAs(page, 'finance');
  await expect(nav.getByRole('link', { name: 'Fakturaer' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Nyheder' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
