/**
 * What groups offers the rest of Tilmeld. Other areas import from here, not
 * from the files behind it.
 */
// A participant's tables on the self-service page (registrations).
export { ParticipantTablesSection, type ParticipantTables } from './views/ParticipantTables.js';
