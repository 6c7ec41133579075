import type { da } from './da.js';
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

/** The English message catalogue; the type makes a missing key a compile error. */
export const en: Record<keyof typeof da, string> = {
  ...eventsMessages.en,
  ...newsMessages.en,
  ...materialsMessages.en,
  ...registrationsMessages.en,
  ...signupMessages.en,
  ...selfServiceMessages.en,
  ...organiserMessages.en,
  ...identityMessages.en,
  ...membersMessages.en,
  ...financeMessages.en,
  ...invoicePdfMessages.en,
  ...adminMessages.en,
  ...eventsAdminMessages.en,
  ...eventSectionsMessages.en,
  ...eventDocumentMessages.en,
  ...staffMessages.en,
  ...tokensMessages.en,
  ...usersMessages.en,
  ...exportsMessages.en,
  ...dashboardMessages.en,
  ...campaignsMessages.en,
  ...registrationsOverviewMessages.en,
  ...messagesOverviewMessages.en,
  ...registrationsAdminMessages.en,
  ...auditMessages.en,
  ...groupsMessages.en,
  ...checkinMessages.en,
  ...evaluationsMessages.en,
  ...certificatesMessages.en,
  ...headerMessages.en,
  ...eventPageMessages.en,
  ...searchMessages.en,
  'site.name': 'Tilmeld',
  'site.tagline': 'Courses, conferences and seminars for public-sector staff',
  'site.skipToContent': 'Skip to content',
  'site.mainNav': 'Main menu',
  'site.languageSwitch': 'Læs siden på dansk',
  'site.languageSwitchLabel': 'Language',
  'nav.home': 'Home',
  'nav.events': 'Events',
  'nav.news': 'News',
  'nav.myBookings': 'My bookings',
  'footer.about': 'Courses, conferences and seminars for staff in municipalities, regions and central government.',
  'footer.accessibility': 'Accessibility statement',
  'footer.privacy': 'Privacy policy',
  'footer.feed': 'News as RSS',
  'footer.contact': 'Contact',
  'home.title': 'Courses and events for public-sector staff',
  'home.lede': 'Find courses, conferences, residential seminars, networks and webinars, and sign up yourself or your colleagues.',
  'home.upcoming': 'Upcoming events',
  'home.allEvents': 'See all events',
  'home.latestNews': 'Latest news',
  'home.allNews': 'See all news',
  'home.noEvents': 'There are no upcoming events right now.',
  'home.noNews': 'There is no news yet.',
  'pagination.label': 'Pagination',
  'pagination.previous': 'Previous',
  'pagination.next': 'Next',
  'pagination.page': 'Page {page}',
  'pagination.pageOf': 'Page {page} of {pages}',
  'pagination.first': 'First page',
  'pagination.last': 'Last page',
  'pagination.lastPage': 'Last page, page {page}',
  'pagination.hidden': 'Pages left out',
  'breadcrumbs.label': 'Breadcrumbs',
  'error.notFound.title': 'Page not found',
  'error.notFound.body': 'We cannot find the page you are looking for. It may have been moved or deleted, or the address may be mistyped.',
  'error.server.title': 'Something went wrong',
  'error.server.body': 'Something went wrong on our side. Please try again in a moment. If the problem persists, contact us.',
  'error.badRequest.title': 'The request could not be understood',
  'error.badRequest.body': 'The address contains information we cannot use. Go back and try again.',
  'error.forbidden.title': 'The form has expired',
  'error.forbidden.body': 'For security reasons we could not accept the form. Go back, reload the page and try again.',
  'error.backHome': 'Go to the home page',
  'eventType.kursus': 'Course',
  'eventType.konference': 'Conference',
  'eventType.doegnseminar': 'Residential seminar',
  'eventType.netvaerk': 'Network',
  'eventType.webinar': 'Webinar',
  'seatStatus.available': 'Seats available',
  'seatStatus.few': 'Few seats left',
  'seatStatus.waitingList': 'Waiting list',
  'seatStatus.closed': 'Closed for sign-up',
  'price.exVat': '{amount} excl. VAT',
  'price.inclVat': '{amount} incl. VAT',
  'price.vatExempt': 'VAT exempt',
  'price.free': 'Free',
  'accessibility.title': 'Accessibility statement',
  'privacy.title': 'Privacy policy',
};
