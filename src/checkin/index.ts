/**
 * Check-in's public surface for other areas. Who attended: read the
 * `checkins` table (one row per participant and meeting) or attendanceOf().
 */
export { checkinApi } from './checkin.api.js';
export { checkinRoutes } from './checkin.routes.js';
export { attendanceOf, codeOf, checkIn } from './checkin.service.js';
export {
  retireCheckinCode,
  attendanceColumn,
  attendanceHeading,
  checkinCodeBlock,
  checkinCodesOf,
  checkinCodeViews,
  withAttendanceColumn,
  type CheckinCodeView,
} from './hooks.js';
export type { CheckinTables } from './checkin.table.js';
