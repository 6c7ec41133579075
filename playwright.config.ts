import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3917);
const dataDir = process.env.E2E_DATA_DIR ?? `.tmp/e2e-${process.pid}`;
// The workers load this file again in processes of their own: they find the server's folder here.
process.env.E2E_DATA_DIR = dataDir;

/** Browser tests run in Debian's Chromium against a server with demo content. */
export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [[process.env.CI ? 'list' : 'line'], ['json', { outputFile: '.tmp/playwright.json' }]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // One staff member per role (test/e2e/staff.ts) before the server loads the demo content.
    // The server runs the compiled build, as `npm start` does (rebuilt first when src/ changed).
    command: `rm -rf ${dataDir} && npx tsx test/e2e/create-staff.ts && node scripts/build.mjs --if-stale && node dist/server.js`,
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      BASE_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      SIGNUP_LIMIT_PER_IP: '0',
      SIGNUP_LIMIT_PER_EMAIL: '0',
    },
  },
});
