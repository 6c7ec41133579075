import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const csv = (text: string) => Buffer.concat([BOM, Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')]);

/** An administrator keeps the member list under Indstillinger: adds one, imports a file with an error, then a good one; axe on every state, also at 390 px. */
test('an admin keeps the member list: errors beside the field and in the summary, an import with a bad row saves nothing', async ({ page }) => {
  // Six axe runs on a shared machine.
  test.setTimeout(120_000);
  await loginAs(page, 'admin');
  await page.goto('/admin/settings');
  await page.getByRole('link', { name: 'Medlemsliste' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Medlemsliste' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Organisationens navn').fill('Kommunernes Kursusforening');
  await page.getByLabel('CVR-nummer').fill('12345678');
  await page.getByRole('button', { name: 'Tilføj medlem' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: 'CVR-nummeret er ikke gyldigt. Tjek, at det er skrevet rigtigt.' })).toBeVisible();
  await expect(page.getByLabel('CVR-nummer')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await page.getByLabel('CVR-nummer').fill('29 18 98 97');
  await page.getByLabel('Gyldig fra').fill('01-01-2026');
  await page.getByRole('button', { name: 'Tilføj medlem' }).click();
  await expect(page.getByRole('status')).toContainText('Medlemmet er tilføjet.');
  await expect(page.getByRole('rowheader', { name: 'Kommunernes Kursusforening' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page
    .getByLabel('CSV-fil')
    .setInputFiles({ name: 'medlemmer.csv', mimeType: 'text/csv', buffer: csv('Navn;CVR;EAN\nÆrø Kommune;29189889;\nFejl;1234;\n') });
  await page.getByRole('button', { name: 'Importér' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Linje 3: CVR-nummeret skal være 8 cifre.' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Ærø Kommune' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByLabel('CSV-fil').setInputFiles({ name: 'medlemmer.csv', mimeType: 'text/csv', buffer: csv('Navn;CVR;EAN\nÆrø Kommune;29189889;\n') });
  await page.getByRole('button', { name: 'Importér' }).click();
  await expect(page.getByRole('status')).toContainText('Importen er gennemført: 1 tilføjet, 0 opdateret.');
  await expect(page.getByRole('rowheader', { name: 'Ærø Kommune' })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Fjern Ærø Kommune fra medlemslisten' }).click();
  await expect(page.getByRole('status')).toContainText('Medlemmet er fjernet fra listen.');
  await expect(page.getByRole('rowheader', { name: 'Ærø Kommune' })).toHaveCount(0);
});

test('other roles get the no-access page for the member list', async ({ page }) => {
  await loginAs(page, 'manager');
  const res = await page.goto('/admin/settings/members');
  expect(res?.status()).toBe(403);
  await expectNoAxeViolations(page);
});
