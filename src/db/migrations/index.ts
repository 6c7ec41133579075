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
import * as eventLanguage from './2026_12_05_50_event_language.js';
import * as groupPlans from './2026_12_05_20_group_plans.js';
import * as memberPrices from './2026_12_05_10_member_prices.js';
import * as outboxRetention from './2026_12_05_40_outbox_retention.js';
import * as payerCountry from './2026_12_05_01_payer_country.js';
import * as rankedEventSearch from './2026_12_05_60_ranked_event_search.js';
import * as certificates from './2026_12_06_31_certificates.js';
import * as checkin from './2026_12_06_20_checkin.js';
import * as evaluations from './2026_12_06_30_evaluations.js';
import * as eventSpeakers from './2026_12_06_60_event_speakers.js';
import * as inclusions from './2026_12_06_65_inclusions.js';
import * as outboxPendingKindIndex from './2026_12_07_10_outbox_pending_kind_index.js';
import * as messageSchedules from './2026_12_06_55_message_schedules.js';
import * as organiserIdentity from './2026_12_06_50_organiser_identity.js';

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
  '2026_12_05_01_payer_country': payerCountry,
  '2026_12_05_10_member_prices': memberPrices,
  '2026_12_05_20_group_plans': groupPlans,
  '2026_12_05_40_outbox_retention': outboxRetention,
  '2026_12_05_50_event_language': eventLanguage,
  '2026_12_05_60_ranked_event_search': rankedEventSearch,
  '2026_12_06_20_checkin': checkin,
  '2026_12_06_30_evaluations': evaluations,
  '2026_12_06_31_certificates': certificates,
  '2026_12_06_50_organiser_identity': organiserIdentity,
  '2026_12_06_55_message_schedules': messageSchedules,
  '2026_12_06_60_event_speakers': eventSpeakers,
  '2026_12_06_65_inclusions': inclusions,
  '2026_12_07_10_outbox_pending_kind_index': outboxPendingKindIndex,
};
