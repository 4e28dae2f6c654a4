/** What the browser tests share: signing in, the CLI on the test's data, a CSP watch. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type APIRequestContext, expect, type Page } from '@playwright/test';
import type { E2eUser } from './users.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Signs in through the login page and waits for the app to show the account. */
export async function login(page: Page, user: E2eUser): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(user.email);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByTestId('account-menu').first()).toBeVisible();
  // the app moves on from /login to the user's start page (a cycle's results or its entity)
  await expect(page).toHaveURL(/\/cycles\/\d{4}/);
}

/** Signs in through the API; returns the CSRF token for state-changing calls. */
export async function apiLogin(request: APIRequestContext, user: E2eUser): Promise<string> {
  const res = await request.post('/api/v1/auth/login', { data: { email: user.email, password: user.password } });
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as { data: { csrfToken: string } };
  return body.data.csrfToken;
}

/**
 * Runs `patuh …` against a copy of the server's data directory: the same data,
 * without a second process writing into the database the server holds open.
 */
export function patuhCli(args: string[]): string {
  const live = process.env.PATUH_E2E_DATA_DIR;
  if (!live) throw new Error('PATUH_E2E_DATA_DIR is not set (run through playwright.config.ts)');
  const copy = mkdtempSync(path.join(tmpdir(), 'patuh-e2e-cli-'));
  try {
    cpSync(live, copy, { recursive: true });
    return execFileSync(process.execPath, [path.join(root, 'bin/patuh.js'), ...args], {
      cwd: root,
      env: { ...process.env, PATUH_DATA_DIR: copy, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** Collects Content-Security-Policy violations the page reports. */
export function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

/** "80,62" or "80.62" → 80.62 */
export function parseScore(text: string): number {
  return Number(text.trim().replace(',', '.'));
}

/** Two decimals, Indonesian style. */
export const idScore = (v: number) => v.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
