/** Addresses of the groups pages and files of an event. */
export const groupsPath = (eventId: number) => `/admin/events/${eventId}/grupper`;
export const planPath = (eventId: number, planId: number) => `${groupsPath(eventId)}/${planId}`;
export const planFilePath = (eventId: number, planId: number, file: string) => `${planPath(eventId, planId)}/${file}`;
