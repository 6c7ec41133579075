import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

/**
 * The organiser's identity (Indstillinger → Organisation) and the dashboard,
 * on a phone (390 px) and with the keyboard: a refused logo and a missing
 * e-mail in the DKFDS error summary, then a saved change that the public
 * footer shows at once; the dashboard's figures, "Opret arrangement" and paging.
 */
test.use({ viewport: { width: 390, height: 844 } });

// A 16 × 16 PNG (signature, IHDR, empty IDAT is not needed for the check).
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff610000000049454e44ae426082', 'hex');

test('an admin changes the organisation: errors in the summary, a logo upload, the footer shows it', async ({ page }) => {
  await loginAs(page, 'admin', '/admin/settings/identity');
  await expect(page.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible();
  // The demo organiser, with its logo.
  await expect(page.getByLabel('Navn', { exact: true })).toHaveValue('Kursuscenter Eksempelby');
  await expect(page.getByRole('img', { name: 'Logo: Kursuscenter Eksempelby' }).last()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Kontakt-e-mail').fill('');
  await page
    .getByLabel(/^Logo/)
    .setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>') });
  await page.getByRole('button', { name: 'Gem organisation' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Der er fejl i formularen');
  await expect(summary.getByRole('link', { name: 'Kontakt-e-mail skal udfyldes.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: /DOCTYPE-erklæring/ })).toBeVisible();
  await expect(page.getByLabel('Kontakt-e-mail')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel(/^Logo/)).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  // With the keyboard: the summary's link takes focus to the field.
  await summary.getByRole('link', { name: 'Kontakt-e-mail skal udfyldes.' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#contactEmail$/);
  await page.getByLabel('Kontakt-e-mail').focus();
  await page.keyboard.type('kursus@tilmeld.example');
  await page.getByLabel('Telefon').fill('+45 70 10 20 99');
  await page.getByLabel(/^Logo/).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: 'Gem organisation' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/settings\/identity\?saved=1$/);
  await expect(page.getByRole('status')).toContainText('Oplysningerne om organisationen er gemt.');
  await expect(page.getByLabel('Telefon')).toHaveValue('+45 70 10 20 99');
  await expectNoAxeViolations(page);

  // The public pages show the change at once: the footer's contact details and the logo.
  await page.goto('/');
  const footer = page.locator('footer');
  await expect(footer.getByRole('link', { name: '+45 70 10 20 99' })).toHaveAttribute('href', 'tel:+4570102099');
  await expect(footer.getByRole('link', { name: 'kursus@tilmeld.example' })).toHaveAttribute('href', 'mailto:kursus@tilmeld.example');
  await expect(footer).toContainText('Eksempelvej 1, 5000 Odense C');
  await expect(page).toHaveTitle('Kursuscenter Eksempelby');
  const logo = await page.request.get('/organisation/logo');
  expect(logo.headers()['content-type']).toBe('image/png');
  expect(logo.headers()['x-content-type-options']).toBe('nosniff');
  await expectNoAxeViolations(page);

  await page.goto('/privatliv');
  await expect(page.locator('#privacy-contact')).toContainText('dpo@tilmeld.example');
  await expectNoAxeViolations(page);

  // Put the demo's SVG logo back for the other browser tests (remove the PNG, upload an SVG).
  await page.goto('/admin/settings/identity');
  await page.getByLabel(/^Logo/).setInputFiles({
    name: 'logo.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><circle cx="5" cy="5" r="4" fill="#004993"/></svg>'),
  });
  await page.getByRole('button', { name: 'Gem organisation' }).click();
  await expect(page.getByRole('status')).toContainText('gemt');
  const svg = await page.request.get('/organisation/logo');
  expect(svg.headers()['content-type']).toBe('image/svg+xml');
  expect(await svg.text()).not.toContain('onload');
});

test('the dashboard shows the business: figures, "Opret arrangement" and the upcoming events in pages', async ({ page }) => {
  await loginAs(page, 'admin');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The demo's bookings: invoiced, paid and outstanding this year, per event.
  const totals = page.locator('#revenue-totals');
  await expect(totals).toContainText('Faktureret');
  await expect(totals).toContainText('Betalt');
  await expect(totals).toContainText('Udestående');
  await expect(page.locator('#revenue-per-event tbody tr').first()).toBeVisible();
  await expectNoAxeViolations(page);

  // "Opret arrangement" is reached with the keyboard from the top of the page.
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'create-event');
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/events\/new$/);

  // More upcoming events than one page: the second page has its own.
  await page.goto('/admin');
  const firstPage = await page.locator('.table--responsive-scroll').nth(1).locator('tbody a').first().textContent();
  const pager = page.getByRole('navigation', { name: 'Sideinddeling' });
  await pager.getByRole('link', { name: 'Næste' }).click();
  await expect(page).toHaveURL(/\/admin\?page=2#upcoming$/);
  const secondPage = await page.locator('.table--responsive-scroll').nth(1).locator('tbody a').first().textContent();
  expect(secondPage).not.toBe(firstPage);
  await expectNoAxeViolations(page);
});
