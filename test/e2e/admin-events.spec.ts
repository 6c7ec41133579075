import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

test.setTimeout(150_000);

test('a manager creates and publishes an event and finds it on the public site; every events page passes axe', async ({ page }) => {
  await loginAs(page, 'manager', '/admin/events');
  await expect(page.locator('h1')).toHaveText('Arrangementer');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Opret arrangement' }).click();
  await expect(page.locator('h1')).toHaveText('Opret arrangement');
  await expectNoAxeViolations(page);

  // Sent empty first: the error summary and the errors beside the fields.
  await page.getByRole('button', { name: 'Opret som kladde' }).click();
  await expect(page.locator('#error-summary')).toBeVisible();
  await expectNoAxeViolations(page);

  const title = `Konsulentdag i Ærøskøbing ${Date.now()}`;
  await page.getByLabel('Titel', { exact: true }).first().fill(title);
  await page.locator('#sessions-0-title').fill('Konsulentdag');
  await page.locator('#sessions-0-date').fill('15.10.2030');
  await page.locator('#sessions-0-start').fill('09.30');
  await page.locator('#sessions-0-end').fill('15.30');
  await page.locator('#price').fill('1.950,00');
  await page.locator('#capacity').fill('30');
  await page.getByRole('button', { name: 'Opret som kladde' }).click();
  await expect(page.getByText('Arrangementet er oprettet som kladde.')).toBeVisible();
  await expect(page.locator('h1')).toHaveText(title);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Ret arrangementet' }).click();
  await expect(page.locator('#title')).toHaveValue(title);
  await expectNoAxeViolations(page);
  await page.goBack();

  await page.getByRole('button', { name: 'Offentliggør' }).click();
  await expect(page.getByText('Arrangementet er offentliggjort.')).toBeVisible();
  const publicLink = page.getByRole('link', { name: 'Se arrangementet på det offentlige site' });
  const href = await publicLink.getAttribute('href');
  expect(href).toMatch(/^\/arrangementer\/konsulentdag-i-aeroeskoebing-\d+$/);

  await page.getByRole('link', { name: 'Aflys arrangementet' }).click();
  await expect(page.locator('h1')).toContainText('Aflys');
  await expectNoAxeViolations(page);

  await page.goto(href!);
  await expect(page.locator('h1')).toHaveText(title);
  await expect(page.getByText('Konsulentdag', { exact: true }).first()).toBeVisible();
});
