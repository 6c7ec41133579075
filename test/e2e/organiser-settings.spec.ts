import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

/** An administrator corrects the organiser details printed on every invoice; axe on every state of the page. */
test('an admin edits the organiser settings: an invalid CVR is shown beside the field and in the summary, then saved', async ({ page }) => {
  await loginAs(page, 'admin');
  await page.goto('/admin/settings/organiser');
  await expect(page.getByRole('heading', { level: 1, name: 'Arrangøroplysninger' })).toBeVisible();
  // The demo content stored the demo organiser.
  await expect(page.getByLabel('Juridisk navn')).toHaveValue('Tilmeld Kursuscenter (demo)');
  await expectNoAxeViolations(page);

  await page.getByLabel('CVR-nummer').fill('12345675');
  await page.getByLabel('Betalingsfrist i dage').fill('120');
  await page.getByRole('button', { name: 'Gem oplysninger' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Der er fejl i formularen');
  await expect(summary.getByRole('link', { name: 'CVR-nummeret er ikke gyldigt. Tjek, at det er skrevet rigtigt.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: /Betalingsfristen skal være/ })).toBeVisible();
  await expect(page.getByLabel('CVR-nummer')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  // The summary's link takes the keyboard to the field.
  await summary.getByRole('link', { name: /CVR-nummeret/ }).click();
  await expect(page).toHaveURL(/#cvr$/);

  await page.getByLabel('CVR-nummer').fill('12 34 56 74');
  await page.getByLabel('Betalingsfrist i dage').fill('14');
  await page.getByLabel('Juridisk navn').fill('Tilmeld Kursuscenter ApS (demo)');
  await page.getByRole('button', { name: 'Gem oplysninger' }).click();
  await expect(page).toHaveURL(/\/admin\/settings\/organiser\?saved=1$/);
  await expect(page.getByRole('status')).toContainText('Arrangøroplysningerne er gemt.');
  await expect(page.getByLabel('Juridisk navn')).toHaveValue('Tilmeld Kursuscenter ApS (demo)');
  await expect(page.getByLabel('CVR-nummer')).toHaveValue('12345674');
  await expect(page.getByLabel('Betalingsfrist i dage')).toHaveValue('14');
  // Invoices are still issued at confirmation (other browser tests rely on it on this server).
  await expect(page.getByLabel('Når tilmeldingen er bekræftet')).toBeChecked();
  await expectNoAxeViolations(page);
});

test('other roles get the no-access page', async ({ page }) => {
  await loginAs(page, 'finance');
  const res = await page.goto('/admin/settings/organiser');
  expect(res?.status()).toBe(403);
  await expectNoAxeViolations(page);
});
