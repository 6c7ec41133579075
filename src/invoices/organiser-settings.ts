/**
 * Where invoicing reads the organiser (the seller) from: the settings the
 * finance pages store (src/organiser). Null until an admin has saved them,
 * and then nothing is issued, since an invoice without the seller's CVR and
 * bank details cannot be. Tests hand their own source to the reconciler.
 */
import type { Database } from '../db/database.js';
import { getOrganiserSettings } from '../organiser/organiser.service.js';
import type { OrganiserSettings } from '../organiser/settings.js';

export type SettingsSource = (db: Database) => Promise<OrganiserSettings | null>;

export const storedOrganiserSettings: SettingsSource = (db) => getOrganiserSettings(db);
