import type { Locale } from '../web/i18n.js';

const answerBase: Record<Locale, string> = { da: '/evaluering', en: '/en/evaluation' };

export const evaluationPaths = {
  /** The form a participant's single-use link opens. */
  answer: (l: Locale, token: string) => `${answerBase[l]}/${encodeURIComponent(token)}`,
  answerPattern: (l: Locale) => `${answerBase[l]}/:token`,
  results: (eventId: number) => `/admin/events/${eventId}/evaluering`,
  questions: (eventId: number) => `/admin/events/${eventId}/evaluering/spoergsmaal`,
  send: (eventId: number) => `/admin/events/${eventId}/evaluering/send`,
  export: (eventId: number, format: 'csv' | 'xlsx') => `/admin/events/${eventId}/evaluering/resultater.${format}`,
};
