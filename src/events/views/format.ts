/** @deprecated The date and time formats moved to lib/dates.ts; this forward goes once no file imports it. */
export { clockTime, dateRange, dateTime } from '../../lib/dates.js';
