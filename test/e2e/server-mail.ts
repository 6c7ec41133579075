import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder where the browser tests' server writes its mails. playwright.config.ts
 * names the server's data folder in E2E_DATA_DIR for every worker, so mails left
 * in other runs' folders under .tmp (signed with another secret) are never read.
 */
export function serverMailDirs(): string[] {
  const dirs = process.env.E2E_DATA_DIR
    ? [path.join(process.env.E2E_DATA_DIR, 'mail')]
    : fs.existsSync('.tmp')
      ? fs
          .readdirSync('.tmp')
          .filter((d) => d.startsWith('e2e-'))
          .map((d) => path.join('.tmp', d, 'mail'))
      : [];
  return dirs.filter((d) => fs.existsSync(d));
}
