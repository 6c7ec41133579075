/**
 * With the demo content loaded and no staff yet, Tilmeld makes an
 * administrator so the back office can be tried at once. The random password
 * is shown once, in the server log.
 */
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context.js';
import { demoLoaded } from './demo.js';
import { createStaffUser, hasStaffUsers } from '../staff/staff.service.js';

export const DEMO_ADMIN_EMAIL = 'admin@tilmeld.local';

export async function ensureDemoAdmin(ctx: AppContext): Promise<{ email: string; password: string } | null> {
  if ((await hasStaffUsers(ctx)) || !(await demoLoaded(ctx))) return null;
  const password = randomBytes(15).toString('base64url');
  const result = await createStaffUser(ctx, { email: DEMO_ADMIN_EMAIL, name: 'Demo administrator', role: 'admin', locale: 'da', password }, null);
  // Another server process made it first.
  return result.ok ? { email: DEMO_ADMIN_EMAIL, password } : null;
}
