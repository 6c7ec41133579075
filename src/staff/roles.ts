import type { MessageKey } from '../web/i18n.js';

/**
 * Staff roles and what each may reach. Back-office routes take their
 * `staffRoles` from here so the rules live in one place.
 */
export const ROLES = ['admin', 'manager', 'finance', 'facilitator'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const ALL_ROLES: readonly Role[] = ROLES;

/**
 * Who may read and who may change each area. Facilitators read only the
 * events assigned to them (see canSeeEvent / eventVisibleTo in guard.ts).
 */
export const access = {
  dashboard: { read: ALL_ROLES, write: ['admin', 'manager'] },
  events: { read: ['admin', 'manager', 'facilitator'], write: ['admin', 'manager'] },
  registrations: { read: ['admin', 'manager', 'finance', 'facilitator'], write: ['admin', 'manager'] },
  news: { read: ['admin', 'manager'], write: ['admin', 'manager'] },
  materials: { read: ['admin', 'manager'], write: ['admin', 'manager'] },
  messages: { read: ['admin', 'manager'], write: ['admin', 'manager'] },
  /** Facilitation groups: the event's facilitators plan their own tables. */
  groups: { read: ['admin', 'manager', 'facilitator'], write: ['admin', 'manager', 'facilitator'] },
  /** Check-in at the door: the event's facilitators too; no-shows and fees only managers. */
  checkin: { read: ['admin', 'manager', 'facilitator'], write: ['admin', 'manager'] },
  invoices: { read: ['admin', 'finance'], write: ['admin', 'finance'] },
  users: { read: ['admin'], write: ['admin'] },
  audit: { read: ['admin'], write: ['admin'] },
  settings: { read: ['admin'], write: ['admin'] },
  /** The staff member's own account: password, TOTP. */
  account: { read: ALL_ROLES, write: ALL_ROLES },
} as const satisfies Record<string, { read: readonly Role[]; write: readonly Role[] }>;

export type Section = keyof typeof access;

export function mayRead(role: Role, section: Section): boolean {
  return (access[section].read as readonly Role[]).includes(role);
}

export function mayWrite(role: Role, section: Section): boolean {
  return (access[section].write as readonly Role[]).includes(role);
}

/** The role's name in the catalogues ("Administrator"). */
export const roleLabel = (role: Role): MessageKey => `admin.role.${role}`;
