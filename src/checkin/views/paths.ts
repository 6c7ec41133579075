export const checkinPath = (eventId: number) => `/admin/events/${eventId}/checkin`;
export const CHECKIN_SCRIPT = '/assets/checkin/checkin.js';
export const JSQR_SCRIPT = '/assets/checkin/jsqr.js';
export const SERVICE_WORKER = '/checkin-sw.js';
