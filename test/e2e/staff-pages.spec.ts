import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { expectNoAxeViolations } from './axe.js';
import { E2E_STAFF_PASSWORD, e2eOwnAccounts, e2eStaff, loginAs, submitLogin } from './staff.js';

/**
 * The staff pages around the accounts themselves: Min konto (password, TOTP),
 * Medarbejdere and API-nøgler, with axe on every page visited. The password
 * and TOTP tests use accounts of their own (test/e2e/create-staff.ts), so the
 * per-role accounts the other specs log in with stay as they are.
 */

const run = `${Date.now()}-${process.pid}`;

/** The six digits an authenticator app with this secret shows at `at`. */
function appCode(secret: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: at.getTime() });
}

async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page).toHaveURL(/\/admin\/login\?loggedOut=1$/);
}

test('Min konto: a wrong current password is shown beside the field and in the summary, then the password is changed', async ({ page }) => {
  const account = e2eOwnAccounts.password;
  const newPassword = 'ny-lang-adgangskode-til-kontoen';
  await submitLogin(page, account.email);
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole('link', { name: 'Min konto' }).click();
  await expect(page).toHaveURL(/\/admin\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Min konto' })).toBeVisible();
  await expect(page.getByText(account.email)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Nuværende adgangskode').fill('ikke-den-rigtige-adgangskode');
  await page.getByLabel('Ny adgangskode', { exact: true }).fill(newPassword);
  await page.getByLabel('Gentag den nye adgangskode').fill('en-helt-anden-adgangskode');
  await page.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(page).toHaveTitle(/^Fejl: /);
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: 'Adgangskoden er forkert.' })).toHaveAttribute('href', '#current');
  await expect(summary.getByRole('link', { name: 'De to adgangskoder er ikke ens.' })).toHaveAttribute('href', '#repeat');
  await expect(page.getByLabel('Nuværende adgangskode')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#current-error')).toContainText('Adgangskoden er forkert.');
  // Passwords are never written back into the page.
  await expect(page.getByLabel('Ny adgangskode', { exact: true })).toHaveValue('');
  await expectNoAxeViolations(page);

  await page.getByLabel('Nuværende adgangskode').fill(E2E_STAFF_PASSWORD);
  await page.getByLabel('Ny adgangskode', { exact: true }).fill(newPassword);
  await page.getByLabel('Gentag den nye adgangskode').fill(newPassword);
  await page.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(page).toHaveURL(/\/admin\/account\?saved=password$/);
  await expect(page.getByRole('status')).toContainText('Din adgangskode er ændret.');
  await expectNoAxeViolations(page);

  await logOut(page);
  await submitLogin(page, account.email, E2E_STAFF_PASSWORD);
  await expect(page.getByRole('alert')).toContainText('E-mail eller adgangskode er forkert.');
  await submitLogin(page, account.email, newPassword);
  await expect(page).toHaveURL(/\/admin$/);
});

test('TOTP: the QR code and key are shown, a code from the key turns it on, and the next login asks for a code', async ({ page }) => {
  const account = e2eOwnAccounts.totp;
  await submitLogin(page, account.email, E2E_STAFF_PASSWORD, '/admin/account');
  await expect(page).toHaveURL(/\/admin\/account$/);
  await expect(page.getByText('Totrinsbekræftelse er slået fra.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Slå totrinsbekræftelse til' }).click();

  await expect(page).toHaveURL(/\/admin\/account\/totp$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Slå totrinsbekræftelse til' })).toBeVisible();
  const qr = page.getByRole('img', { name: 'QR-kode til godkendelsesappen' });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
  await expectNoAxeViolations(page);

  // A wrong code first: the error beside the field and in the summary.
  const secret = (await page.locator('code.tilmeld-secret').innerText()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const wrong = appCode(secret, new Date()) === '000000' ? '111111' : '000000';
  await page.getByLabel('Engangskode').fill(wrong);
  await page.getByRole('button', { name: 'Bekræft og slå til' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: /Koden er forkert eller udløbet/ })).toHaveAttribute('href', '#code');
  await expect(page.getByLabel('Engangskode')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  // The same secret is shown again (the set-up is not restarted by a wrong code).
  expect((await page.locator('code.tilmeld-secret').innerText()).replace(/\s+/g, '')).toBe(secret);

  await page.getByLabel('Engangskode').fill(appCode(secret, new Date()));
  await page.getByRole('button', { name: 'Bekræft og slå til' }).click();
  await expect(page).toHaveURL(/\/admin\/account\?saved=totpOn$/);
  await expect(page.getByRole('status')).toContainText('Totrinsbekræftelse er slået til.');
  await expect(page.getByRole('button', { name: 'Slå totrinsbekræftelse fra' })).toBeVisible();
  await expectNoAxeViolations(page);

  await logOut(page);
  await submitLogin(page, account.email);
  await expect(page).toHaveURL(/\/admin\/login\/code/);
  await expect(page.getByRole('heading', { level: 1, name: 'Skriv engangskoden' })).toBeVisible();
  await expectNoAxeViolations(page);
  // Without the code there is no session yet.
  expect((await page.request.get('/admin', { maxRedirects: 0 })).status()).toBe(303);

  await page.getByLabel('Engangskode').fill(wrong);
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: /Koden er forkert eller udløbet/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // A code works once: the one of the next 30-second step (one step of drift is accepted).
  await page.getByLabel('Engangskode').fill(appCode(secret, new Date(Date.now() + 30_000)));
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('banner')).toContainText(account.name);
});

test('Medarbejdere: an admin creates a staff member, changes the role and disables the account', async ({ page }) => {
  const email = `ny-${run}@tilmeld.test`;
  await loginAs(page, 'admin', '/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Medarbejdere' })).toBeVisible();
  await expect(page.getByRole('link', { name: e2eStaff.finance.name })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Opret medarbejder' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opret medarbejder' })).toBeVisible();
  await expectNoAxeViolations(page);

  // An e-mail that is taken and a password that is too short: both errors, what was typed is kept.
  await page.getByLabel('E-mail').fill(e2eStaff.manager.email);
  await page.getByLabel('Navn').fill('Nina Nyansat');
  await page.getByRole('radio', { name: 'Facilitator' }).check();
  await page.getByLabel('Adgangskode').fill('kort');
  await page.getByRole('button', { name: 'Opret', exact: true }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link').first()).toBeVisible();
  await expect(page.getByLabel('Navn')).toHaveValue('Nina Nyansat');
  await expect(page.getByRole('radio', { name: 'Facilitator' })).toBeChecked();
  await expectNoAxeViolations(page);

  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill('kort');
  await page.getByRole('button', { name: 'Opret', exact: true }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Adgangskoden skal være mindst 12 tegn.' })).toHaveAttribute('href', '#password');
  await expect(page.getByLabel('Adgangskode')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await page.getByLabel('Adgangskode').fill('en-lang-nok-adgangskode');
  await page.getByRole('button', { name: 'Opret', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users\/\d+\?saved=created$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Redigér Nina Nyansat' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Medarbejderen er oprettet.');
  await expect(page.getByRole('radio', { name: 'Facilitator' })).toBeChecked();
  await expectNoAxeViolations(page);
  const userPath = new URL(page.url()).pathname;

  await page.getByRole('radio', { name: 'Økonomi' }).check();
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(page).toHaveURL(/\?saved=saved$/);
  await expect(page.getByRole('status')).toContainText('Ændringerne er gemt.');
  await expect(page.getByRole('radio', { name: 'Økonomi' })).toBeChecked();
  await expectNoAxeViolations(page);

  await page.getByRole('checkbox', { name: /Deaktivér kontoen/ }).check();
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Ændringerne er gemt.');
  await expect(page.getByRole('checkbox', { name: /Deaktivér kontoen/ })).toBeChecked();

  await page.getByRole('link', { name: 'Tilbage til medarbejdere' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Nina Nyansat' }) });
  await expect(row).toContainText('Økonomi');
  await expect(row).toContainText('Deaktiveret');
  await expect(row.getByRole('link')).toHaveAttribute('href', userPath);
  await expectNoAxeViolations(page);

  // The disabled account cannot log in.
  await logOut(page);
  await submitLogin(page, email, 'en-lang-nok-adgangskode');
  await expect(page.getByRole('alert')).toContainText('E-mail eller adgangskode er forkert.');
});

test('API-nøgler: a token is shown once, works against the API, and is refused after it is revoked', async ({ page, request }) => {
  const name = `Regnskabssystem ${run}`;
  await loginAs(page, 'admin', '/admin/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Indstillinger' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'API-nøgler' }).click();
  await expect(page).toHaveURL(/\/admin\/settings\/tokens$/);
  await expectNoAxeViolations(page);

  // Nothing chosen: both errors in the summary and beside the fields.
  await page.getByRole('button', { name: 'Opret API-nøgle' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: 'Giv nøglen et navn.' })).toHaveAttribute('href', '#name');
  await expect(summary.getByRole('link', { name: 'Vælg en medarbejder.' })).toHaveAttribute('href', '#user');
  await expect(page.getByLabel('Medarbejder')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await page.getByLabel('Navn').fill(name);
  await page.getByLabel('Medarbejder').selectOption({ label: `${e2eStaff.finance.name} (${e2eStaff.finance.email})` });
  await page.getByRole('button', { name: 'Opret API-nøgle' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API-nøglen er oprettet' })).toBeVisible();
  const token = (await page.locator('#new-token').innerText()).trim();
  expect(token.length).toBeGreaterThanOrEqual(32);
  await expectNoAxeViolations(page);

  const auth = { authorization: `Bearer ${token}` };
  const ok = await request.get('/api/v1/invoices', { headers: auth });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toHaveProperty('items');
  expect((await request.get('/api/v1/invoices', { headers: { authorization: `Bearer ${token}x` } })).status()).toBe(401);

  // Shown once: the list has the name, never the token.
  await page.getByRole('link', { name: 'Tilbage til API-nøgler' }).click();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(e2eStaff.finance.name);
  expect(await page.content()).not.toContain(token);
  await expectNoAxeViolations(page);

  await row.getByRole('button', { name: `Tilbagekald nøglen ${name}` }).click();
  await expect(page).toHaveURL(/\?revoked=1$/);
  await expect(page.getByRole('status')).toContainText('Nøglen er tilbagekaldt.');
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Tilbagekaldt');
  await expectNoAxeViolations(page);

  expect((await request.get('/api/v1/invoices', { headers: auth })).status()).toBe(401);
});
