import type { Role } from './roles.js';

/** Who is making a request, as the guard found them (`request.staff`). */
export interface StaffIdentity {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: 'da' | 'en';
  /** A browser session (cookie) or an API token (Authorization: Bearer). */
  via: 'session' | 'token';
  /** The request the identity was found for; audit entries carry it. */
  requestId?: string | undefined;
}
