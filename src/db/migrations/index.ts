import type { Migration } from 'kysely';
import * as foundation from './2026_11_27_001_foundation.js';
import * as registrations from './2026_11_27_002_registrations.js';
import * as outbox from './2026_11_27_003_outbox.js';
import * as loginLinks from './2026_11_27_004_login_links.js';
import * as staff from './2026_11_27_005_staff.js';
import * as invoices from './2026_11_27_006_invoices.js';
import * as eventsBackOffice from './2026_11_27_007_events_back_office.js';
import * as registrationsAdmin from './2026_11_27_009_registrations_admin.js';
import * as organiserSettings from './2026_11_27_010_organiser_settings.js';
import * as outboxPendingIndex from './2026_11_27_011_outbox_pending_index.js';
import * as rankedEventSearch from './2026_12_05_60_ranked_event_search.js';

/** Every migration in order. Files are frozen once released: add, never edit. */
export const migrations: Record<string, Migration> = {
  '2026_11_27_001_foundation': foundation,
  '2026_11_27_002_registrations': registrations,
  '2026_11_27_003_outbox': outbox,
  '2026_11_27_004_login_links': loginLinks,
  '2026_11_27_005_staff': staff,
  '2026_11_27_006_invoices': invoices,
  '2026_11_27_007_events_back_office': eventsBackOffice,
  '2026_11_27_009_registrations_admin': registrationsAdmin,
  '2026_11_27_010_organiser_settings': organiserSettings,
  '2026_11_27_011_outbox_pending_index': outboxPendingIndex,
  '2026_12_05_60_ranked_event_search': rankedEventSearch,
};
