/** Run by playwright.config.ts before the server starts: one staff member per role (test/e2e/staff.ts). */
import { loadConfig } from '../../src/config.js';
import { openContext } from '../../src/bootstrap.js';
import { ROLES } from '../../src/staff/roles.js';
import { createStaffUser } from '../../src/staff/staff.service.js';
import { E2E_STAFF_PASSWORD, e2eStaff } from './staff.js';

const ctx = await openContext(loadConfig());
for (const role of ROLES) {
  const result = await createStaffUser(ctx, { ...e2eStaff[role], role, locale: 'da', password: E2E_STAFF_PASSWORD }, null);
  if (!result.ok && result.reason !== 'emailTaken') throw new Error(`could not create the ${role} test user: ${JSON.stringify(result)}`);
}
await ctx.db.destroy();
