import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

/**
 * The change log (/admin/audit): an administrator changes a staff member's
 * name, then finds the change in the log and reads it before and after.
 * The staff member is created here, so the shared e2e accounts keep their names.
 */
test('an administrator finds a changed name in the change log, before and after', async ({ page }) => {
  const email = `audit-${Date.now()}@tilmeld.test`;
  await loginAs(page, 'admin', '/admin/users/new');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Navn').fill('Karen Før');
  await page.getByRole('radio', { name: 'Facilitator' }).check();
  await page.getByRole('radio', { name: 'Dansk' }).check();
  await page.getByLabel('Adgangskode').fill('et-langt-kodeord-til-test');
  await page.getByRole('button', { name: 'Opret' }).click();
  await expect(page.getByRole('status')).toContainText('Medarbejderen er oprettet.');
  const userId = /\/admin\/users\/(\d+)/.exec(page.url())![1]!;

  await page.getByLabel('Navn').fill('Karen Efter');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('status')).toContainText('Ændringerne er gemt.');

  await page.getByRole('navigation', { name: 'Administrationsmenu' }).getByRole('link', { name: 'Ændringslog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ændringslog' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Handling').selectOption('user.update');
  await page.getByLabel('Id', { exact: true }).fill(userId);
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('1 ændring');
  const row = page.getByRole('row').filter({ hasText: 'user.update' });
  await expect(row).toContainText('Anna Administrator');
  await expectNoAxeViolations(page);

  await row.getByRole('link', { name: /Vis ændring/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Ændring \d+/ })).toBeVisible();
  const nameRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'name', exact: true }) });
  await expect(nameRow).toContainText('"Karen Før"');
  await expect(nameRow).toContainText('"Karen Efter"');
  await expect(nameRow).toContainText('Ændret');
  const roleRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'role', exact: true }) });
  await expect(roleRow).toContainText('Uændret');
  await expectNoAxeViolations(page);

  // A bad date is shown beside the field and in the summary, not as an error page.
  await page.goto('/admin/audit?from=2026-02-30');
  await expect(page.getByRole('alert')).toContainText('Fra dato: Skriv datoen som ÅÅÅÅ-MM-DD');
  await expectNoAxeViolations(page);
});
