import { eventsMessages } from '../../events/events.messages.js';
import { newsMessages } from '../../news/news.messages.js';
import { materialsMessages } from '../../materials/materials.messages.js';
import { registrationsMessages } from '../../registrations/registrations.messages.js';
import { signupMessages } from '../../registrations/signup/signup.messages.js';
import { selfServiceMessages } from '../../registrations/changes/self-service.messages.js';
import { organiserMessages } from '../../organiser/organiser.messages.js';
import { identityMessages } from '../../organiser/identity.messages.js';
import { membersMessages } from '../../organiser/members.messages.js';
import { financeMessages } from '../../invoices/finance.messages.js';
import { invoicePdfMessages } from '../../invoices/invoice-pdf.messages.js';
import { adminMessages } from '../../admin/admin.messages.js';
import { eventsAdminMessages } from '../../events/events.admin.messages.js';
import { eventSectionsMessages } from '../../events/event-sections.messages.js';
import { eventDocumentMessages } from '../../events/event-document.messages.js';
import { staffMessages } from '../../staff/staff.messages.js';
import { tokensMessages } from '../../staff/tokens.messages.js';
import { usersMessages } from '../../staff/users.messages.js';
import { exportsMessages } from '../../registrations/exports/exports.messages.js';
import { dashboardMessages } from '../../admin/dashboard.messages.js';
import { campaignsMessages } from '../../messages/campaigns.messages.js';
import { registrationsOverviewMessages } from '../../registrations/admin/registrations-overview.messages.js';
import { messagesOverviewMessages } from '../../messages/messages-overview.messages.js';
import { registrationsAdminMessages } from '../../registrations/admin/registrations.admin.messages.js';
import { auditMessages } from '../../staff/audit.messages.js';
import { groupsMessages } from '../../groups/groups.messages.js';
import { checkinMessages } from '../../checkin/checkin.messages.js';
import { evaluationsMessages } from '../../evaluations/evaluations.messages.js';
import { certificatesMessages } from '../../certificates/certificates.messages.js';
import { headerMessages } from '../header.messages.js';
import { eventPageMessages } from '../../events/event-page.messages.js';
import { searchMessages } from '../../events/search.messages.js';

/** The Danish message catalogue: every text a visitor reads. English mirrors every key. */
export const da = {
  ...eventsMessages.da,
  ...newsMessages.da,
  ...materialsMessages.da,
  ...registrationsMessages.da,
  ...signupMessages.da,
  ...selfServiceMessages.da,
  ...organiserMessages.da,
  ...identityMessages.da,
  ...membersMessages.da,
  ...financeMessages.da,
  ...invoicePdfMessages.da,
  ...adminMessages.da,
  ...eventsAdminMessages.da,
  ...eventSectionsMessages.da,
  ...eventDocumentMessages.da,
  ...staffMessages.da,
  ...tokensMessages.da,
  ...usersMessages.da,
  ...exportsMessages.da,
  ...dashboardMessages.da,
  ...campaignsMessages.da,
  ...registrationsOverviewMessages.da,
  ...messagesOverviewMessages.da,
  ...registrationsAdminMessages.da,
  ...auditMessages.da,
  ...groupsMessages.da,
  ...checkinMessages.da,
  ...evaluationsMessages.da,
  ...certificatesMessages.da,
  ...headerMessages.da,
  ...eventPageMessages.da,
  ...searchMessages.da,
  'site.name': 'Tilmeld',
  'site.tagline': 'Kurser, konferencer og seminarer for offentligt ansatte',
  'site.skipToContent': 'Gå til indhold',
  'site.mainNav': 'Hovedmenu',
  'site.languageSwitch': 'Read this page in English',
  'site.languageSwitchLabel': 'Sprog',
  'nav.home': 'Forside',
  'nav.events': 'Arrangementer',
  'nav.news': 'Nyheder',
  'nav.myBookings': 'Mine tilmeldinger',
  'footer.about': 'Kurser, konferencer og seminarer for ansatte i kommuner, regioner og staten.',
  'footer.accessibility': 'Tilgængelighedserklæring',
  'footer.privacy': 'Privatlivspolitik',
  'footer.feed': 'Nyheder som RSS',
  'footer.contact': 'Kontakt',
  'home.title': 'Kurser og arrangementer for offentligt ansatte',
  'home.lede': 'Find kurser, konferencer, døgnseminarer, netværk og webinarer, og tilmeld dig selv eller dine kolleger.',
  'home.upcoming': 'Kommende arrangementer',
  'home.allEvents': 'Se alle arrangementer',
  'home.latestNews': 'Seneste nyheder',
  'home.allNews': 'Se alle nyheder',
  'home.noEvents': 'Der er ingen kommende arrangementer lige nu.',
  'home.noNews': 'Der er ingen nyheder endnu.',
  'pagination.label': 'Sideinddeling',
  'pagination.previous': 'Forrige',
  'pagination.next': 'Næste',
  'pagination.page': 'Side {page}',
  'pagination.pageOf': 'Side {page} af {pages}',
  'pagination.first': 'Første side',
  'pagination.last': 'Sidste side',
  'pagination.lastPage': 'Sidste side, side {page}',
  'pagination.hidden': 'Sider udeladt',
  'breadcrumbs.label': 'Brødkrumme',
  'error.notFound.title': 'Siden blev ikke fundet',
  'error.notFound.body': 'Vi kan ikke finde den side, du leder efter. Den kan være flyttet eller slettet, eller adressen kan være skrevet forkert.',
  'error.server.title': 'Der skete en fejl',
  'error.server.body': 'Noget gik galt hos os. Prøv igen om lidt. Hvis fejlen bliver ved, så kontakt os.',
  'error.badRequest.title': 'Forespørgslen kunne ikke forstås',
  'error.badRequest.body': 'Adressen indeholder oplysninger, vi ikke kan bruge. Gå tilbage og prøv igen.',
  'error.forbidden.title': 'Formularen er udløbet',
  'error.forbidden.body': 'Af sikkerhedshensyn kunne vi ikke tage imod formularen. Gå tilbage, genindlæs siden og prøv igen.',
  'error.backHome': 'Gå til forsiden',
  'eventType.kursus': 'Kursus',
  'eventType.konference': 'Konference',
  'eventType.doegnseminar': 'Døgnseminar',
  'eventType.netvaerk': 'Netværk',
  'eventType.webinar': 'Webinar',
  'seatStatus.available': 'Ledige pladser',
  'seatStatus.few': 'Få pladser',
  'seatStatus.waitingList': 'Venteliste',
  'seatStatus.closed': 'Lukket for tilmelding',
  'price.exVat': '{amount} ekskl. moms',
  'price.inclVat': '{amount} inkl. moms',
  'price.vatExempt': 'Momsfritaget',
  'price.free': 'Gratis',
  'accessibility.title': 'Tilgængelighedserklæring',
  'privacy.title': 'Privatlivspolitik',
} as const satisfies Record<string, string>;
