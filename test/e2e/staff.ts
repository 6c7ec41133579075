/**
 * Staff accounts of the browser tests. playwright.config.ts creates one per
 * role (test/e2e/create-staff.ts) before the server starts.
 *
 *   import { loginAs } from './staff.js';
 *   await loginAs(page, 'manager');   // now on /admin
 */
import { expect, type Page } from '@playwright/test';
import type { Role } from '../../src/staff/roles.js';

export const E2E_STAFF_PASSWORD = 'e2e-korrekt-hest-batteri';

export const e2eStaff: Record<Role, { email: string; name: string }> = {
  admin: { email: 'admin@tilmeld.test', name: 'Anna Administrator' },
  manager: { email: 'manager@tilmeld.test', name: 'Mikkel Arrangør' },
  finance: { email: 'finance@tilmeld.test', name: 'Freja Økonomi' },
  facilitator: { email: 'facilitator@tilmeld.test', name: 'Frederik Facilitator' },
};

/**
 * Accounts of their own for the specs that change the account itself (its
 * password, its second factor), so the per-role accounts stay as they are.
 */
export const e2eOwnAccounts = {
  password: { email: 'konto-adgangskode@tilmeld.test', name: 'Karen Kontoejer', role: 'manager' },
  totp: { email: 'konto-totp@tilmeld.test', name: 'Torben Totrin', role: 'facilitator' },
} as const satisfies Record<string, { email: string; name: string; role: Role }>;

/** Fills in and sends the login form (no check of where it lands). */
export async function submitLogin(page: Page, email: string, password = E2E_STAFF_PASSWORD, next = '/admin'): Promise<void> {
  await page.goto(`/admin/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
}

/** Logs in through the login form; `next` is where to land (default /admin). */
export async function loginAs(page: Page, role: Role, next = '/admin'): Promise<void> {
  await submitLogin(page, e2eStaff[role].email, E2E_STAFF_PASSWORD, next);
  await expect(page).toHaveURL((url) => url.pathname + url.search === next);
}
