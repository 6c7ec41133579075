/**
 * Where invoicing reads the organiser (the seller) from. The organiser
 * settings (src/organiser, migration 010) are owned by the finance pages;
 * until they are stored there is nothing to read and invoicing waits, since
 * an invoice without the seller's CVR and bank details cannot be issued.
 * When `getOrganiserSettings(db)` lands, this returns it.
 */
import type { Database } from '../db/database.js';
import type { OrganiserSettings } from '../organiser/settings.js';

export type SettingsSource = (db: Database) => Promise<OrganiserSettings | null>;

export const storedOrganiserSettings: SettingsSource = async () => null;
