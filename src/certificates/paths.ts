import type { Locale } from '../web/i18n.js';

const verifyBase: Record<Locale, string> = { da: '/bevis', en: '/en/certificate' };
const ownBase: Record<Locale, string> = { da: '/tilmelding', en: '/en/booking' };
const ownWord: Record<Locale, string> = { da: 'kursusbevis', en: 'certificate' };

export const certificatePaths = {
  /** The public verification page a certificate's QR code opens. */
  verify: (l: Locale, code: string) => `${verifyBase[l]}/${encodeURIComponent(code)}`,
  verifyPattern: (l: Locale) => `${verifyBase[l]}/:code`,
  /** A participant's own certificate, opened by the booking's self-service token. */
  own: (l: Locale, token: string, participantId: number) => `${ownBase[l]}/${encodeURIComponent(token)}/${ownWord[l]}/${participantId}`,
  ownPattern: (l: Locale) => `${ownBase[l]}/:token/${ownWord[l]}/:participantId`,
  admin: (eventId: number) => `/admin/events/${eventId}/kursusbevis`,
  adminPdf: (eventId: number, certificateId: number) => `/admin/events/${eventId}/kursusbevis/${certificateId}.pdf`,
  adminZip: (eventId: number) => `/admin/events/${eventId}/kursusbevis.zip`,
  adminIssue: (eventId: number) => `/admin/events/${eventId}/kursusbevis/udsted`,
  adminRevoke: (eventId: number, certificateId: number) => `/admin/events/${eventId}/kursusbevis/${certificateId}/tilbagekald`,
  adminSettings: (eventId: number) => `/admin/events/${eventId}/kursusbevis/indstillinger`,
  adminSignature: (eventId: number) => `/admin/events/${eventId}/kursusbevis/underskrift`,
};
