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
  await page.locator('#sessions-0-date').fill('15.10.2030');
  await page.locator('#sessions-0-start').fill('09.30');
  await page.locator('#sessions-0-end').fill('15.30');
  await page.locator('#price').fill('1.950,00');
  await page.locator('#capacity').fill('30');
  await page.getByRole('button', { name: 'Opret som kladde' }).click();
  await expect(page.getByText('Arrangementet er oprettet som kladde.')).toBeVisible();
  // The draft opens in the editor's overview; the event needs a venue before it can be published.
  await expect(page.locator('h1')).toHaveText(`Ret arrangementet: ${title}`);
  await expect(page.getByRole('link', { name: /Tid og sted: Arrangementet har intet sted/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.locator('main').getByRole('link', { name: 'Grundoplysninger', exact: true }).click();
  await expect(page.locator('#title')).toHaveValue(title);
  await page.goto(page.url().replace('grundoplysninger', 'tid-og-sted'));
  await page.locator('#venueId').selectOption('new');
  await page.locator('#venue-name').fill('Ærø Kursuscenter');
  await page.locator('#venue-address').fill('Havnen 1');
  await page.locator('#venue-postalCode').fill('5970');
  await page.locator('#venue-city').fill('Ærøskøbing');
  await page.getByRole('button', { name: 'Gem Tid og sted' }).click();
  await expect(page.getByText('Tid og sted er gemt.')).toBeVisible();
  await page.goto(page.url().replace(/\/rediger\/tid-og-sted.*$/, ''));

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
  // The first programme item is named after the event until the programme section renames it.
  await expect(page.locator('.tilmeld-programme')).toContainText(title);
});
