import type { MessageKey } from '../web/i18n.js';
import type { AdminMenuEntry } from '../web/admin/AdminLayout.js';
import { mayRead, roleLabel, type Role, type Section } from '../staff/roles.js';

/** The menu, in order; each entry is shown to the roles that may read its section. */
export const adminNav: ReadonlyArray<{ section: Section; href: string; label: MessageKey }> = [
  { section: 'dashboard', href: '/admin', label: 'admin.nav.dashboard' },
  { section: 'events', href: '/admin/events', label: 'admin.nav.events' },
  { section: 'registrations', href: '/admin/registrations', label: 'admin.nav.registrations' },
  { section: 'news', href: '/admin/news', label: 'admin.nav.news' },
  { section: 'materials', href: '/admin/materials', label: 'admin.nav.materials' },
  { section: 'messages', href: '/admin/messages', label: 'admin.nav.messages' },
  { section: 'invoices', href: '/admin/invoices', label: 'admin.nav.invoices' },
  { section: 'users', href: '/admin/users', label: 'admin.nav.users' },
  { section: 'audit', href: '/admin/audit', label: 'admin.nav.audit' },
  { section: 'settings', href: '/admin/settings', label: 'admin.nav.settings' },
];

/** What the back-office shell shows for a role: its name and the menu entries it may read. */
export function adminShell(role: Role): { roleLabel: MessageKey; menu: ReadonlyArray<AdminMenuEntry> } {
  return { roleLabel: roleLabel(role), menu: adminNav.filter((item) => mayRead(role, item.section)) };
}
