/** Addresses of an event's exports in the back office. */
export function exportPaths(eventId: number) {
  const base = `/admin/events/${eventId}/exports`;
  return {
    page: base,
    csv: `${base}/registrations.csv`,
    xlsx: `${base}/registrations.xlsx`,
    participantList: `${base}/participant-list.pdf`,
    participantListStaff: `${base}/participant-list-staff.pdf`,
    badges: `${base}/badges.pdf`,
    venuePdf: `${base}/venue-report.pdf`,
    venueXlsx: `${base}/venue-report.xlsx`,
  };
}
