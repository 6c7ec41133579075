/** Run by playwright.config.ts before the server starts: one staff member per role and the own accounts (test/e2e/staff.ts). */
import { loadConfig } from '../../src/config.js';
import { openContext } from '../../src/bootstrap.js';
import { ROLES } from '../../src/staff/roles.js';
import { createStaffUser } from '../../src/staff/staff.service.js';
import { E2E_STAFF_PASSWORD, e2eOwnAccounts, e2eStaff } from './staff.js';

const ctx = await openContext(loadConfig());
const accounts = [...ROLES.map((role) => ({ ...e2eStaff[role], role })), ...Object.values(e2eOwnAccounts)];
for (const account of accounts) {
  const result = await createStaffUser(ctx, { ...account, locale: 'da', password: E2E_STAFF_PASSWORD }, null);
  if (!result.ok && result.reason !== 'emailTaken') throw new Error(`could not create the test user ${account.email}: ${JSON.stringify(result)}`);
}
await ctx.db.destroy();
