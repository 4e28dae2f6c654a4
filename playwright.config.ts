/**
 * Browser tests (test/e2e) in Debian's Chromium against the real server: a fresh
 * data directory, the demo cycle, and one user per role made by `patuh user create`
 * before the server starts (PGlite is one process's database). The web app must be
 * built first (`npm run build:web`); this config builds nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The config is evaluated by the runner and again by each worker: the runner makes
// the directory once and the workers inherit it through the environment.
process.env.PATUH_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'patuh-e2e-'));
process.env.PATUH_E2E_PORT ??= '4173';
const dataDir = process.env.PATUH_E2E_DATA_DIR;
const port = Number(process.env.PATUH_E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: /.*\.spec\.ts$/,
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', viewport: { width: 1280, height: 900 } } }],
  webServer: {
    // the runner's own Node (24: it runs TypeScript directly)
    command: `${JSON.stringify(process.execPath)} test/e2e/start-server.ts`,
    url: `${baseURL}/api/v1/health`,
    reuseExistingServer: false,
    // SIGTERM lets start-server.ts stop the server and remove the data directory
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { PATUH_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  },
});
