import type { EventsTables } from '../events/events.table.js';
import type { NewsTables } from '../news/news.table.js';
import type { MaterialsTables } from '../materials/materials.table.js';
import type { MessagesTables } from '../messages/outbox.table.js';
import type { RegistrationsTables } from '../registrations/registrations.table.js';
import type { LoginLinksTables } from '../registrations/my-bookings.table.js';
import type { RegistrationsAdminTables } from '../registrations/registrations-admin.table.js';
import type { CampaignsTables } from '../messages/campaigns.table.js';
import type { OrganiserTables } from '../organiser/organiser.table.js';
import type { InvoicesTables } from '../invoices/invoices.table.js';
import type { StaffTables } from '../staff/staff.table.js';
import type { PricingTables } from '../registrations/pricing.table.js';
import type { MembersTables } from '../organiser/members.table.js';
import type { GroupsTables } from '../groups/groups.table.js';
import type { CheckinTables } from '../checkin/checkin.table.js';
import type { EvaluationsTables } from '../evaluations/evaluations.table.js';
import type { CertificatesTables } from '../certificates/certificates.table.js';

export type DB = EventsTables &
  NewsTables &
  MaterialsTables &
  MessagesTables &
  RegistrationsTables &
  LoginLinksTables &
  RegistrationsAdminTables &
  CampaignsTables &
  OrganiserTables &
  InvoicesTables &
  StaffTables &
  PricingTables &
  MembersTables &
  GroupsTables &
  CheckinTables &
  EvaluationsTables &
  CertificatesTables;
