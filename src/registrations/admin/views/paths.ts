/** Addresses of the back office's registration pages. */
export const REGISTRATIONS_INDEX = '/admin/registrations';
export const eventRegistrationsPath = (eventId: number) => `/admin/events/${eventId}/registrations`;
export const registrationPath = (id: number) => `${REGISTRATIONS_INDEX}/${id}`;
export const registrationNotesPath = (id: number) => `${registrationPath(id)}/notes`;
export const registrationResendPath = (id: number) => `${registrationPath(id)}/resend`;
export const registrationCancelPath = (id: number) => `${registrationPath(id)}/cancel`;
export type ParticipantAction = 'edit' | 'substitute' | 'move' | 'cancel';
export const participantActionPath = (id: number, participantId: number, action: ParticipantAction) =>
  `${registrationPath(id)}/participants/${participantId}/${action}`;
export const exportsPath = (eventId: number, file?: string) => `/admin/events/${eventId}/exports${file ? `/${file}` : ''}`;
export const newRegistrationPath = (eventId: number) => `${eventRegistrationsPath(eventId)}/new`;
