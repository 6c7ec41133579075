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

/** Logs in through the login form; `next` is where to land (default /admin). */
export async function loginAs(page: Page, role: Role, next = '/admin'): Promise<void> {
  await page.goto(`/admin/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail').fill(e2eStaff[role].email);
  await page.getByLabel('Adgangskode').fill(E2E_STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL((url) => url.pathname + url.search === next);
}
