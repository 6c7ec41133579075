/** The files staff export for one event (participant lists, badges, venue report) and the links to them. */
export { exportPaths } from './export-paths.js';
export { badgesFile, participantListFile, participantsSpreadsheet, venueReportFile, type ExportFile } from './exports.service.js';
