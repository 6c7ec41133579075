import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// dkfds exports only its JS bundle; walk up from it to the package's dist folder.
export const DKFDS_DIST = path.resolve(path.dirname(require.resolve('dkfds')), '..');
const dkfdsVersion = (JSON.parse(fs.readFileSync(path.join(DKFDS_DIST, '..', 'package.json'), 'utf8')) as { version: string }).version;

/** DKFDS is served from its own dist folder; the version in the path lets browsers cache forever. */
export const DKFDS_PREFIX = `/assets/dkfds/${dkfdsVersion}`;
export const DKFDS_FONTS = path.join(DKFDS_DIST, 'fonts');
export const STATIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static');
export const STATIC_PREFIX = '/assets/tilmeld';
