/**
 * Issue 4's fieldwork flow in the browser: an assessor goes offline, fills a unit's
 * observation checklist with a photo, reloads while offline (the service worker
 * serves the app, IndexedDB keeps the sheets), comes back online and the sheets
 * sync; the office head sends one item back with a note; the assessor fixes it and
 * sends again; central validates; the entity's result now counts the answers.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import {
  EXIF_MARK,
  FIELD_ASSESSOR,
  FIELD_UNIT,
  FIELD_YEAR,
  type FieldSetup,
  setUpFieldwork,
  withExif,
} from './fieldwork-setup.ts';
import { apiLogin, login, watchCsp } from './helpers.ts';
import { BEKASI, USERS } from './users.ts';

const RETURNED_ITEM = 'PR.STD.01';
const NOTE = 'Foto papan standar pelayanan buram; ambil ulang dan periksa jawabannya.';

test.describe.configure({ mode: 'serial' });
// one long flow across three people; on a busy machine it needs more than the default
test.setTimeout(300_000);

let setup: FieldSetup;

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  setup = await setUpFieldwork(request);
  await request.dispose();
});

async function signedIn(
  browser: Browser,
  who: typeof FIELD_ASSESSOR,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    geolocation: { latitude: -6.2383, longitude: 106.9756 },
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  await login(page, who);
  return { context, page };
}

const syncBar = (page: Page) => page.getByTestId('sync-bar');

/**
 * The assessor on a 360 px phone, in the collection app, served by the service
 * worker (it installs on the first page; the reload sends every read through it).
 */
async function collector(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const a = await signedIn(browser, FIELD_ASSESSOR);
  await a.page.getByTestId('nav-collect').first().click();
  await expect(a.page).toHaveURL(/\/collect$/);
  await a.page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
  await a.page.setViewportSize({ width: 360, height: 780 });
  await a.page.reload();
  await expect(syncBar(a.page)).toHaveAttribute('data-offline-ready', 'yes');
  return a;
}

async function openSlot(page: Page, slot: string): Promise<void> {
  const assignment = page.getByTestId('assignment').filter({ hasText: BEKASI.name });
  await assignment.getByRole('link', { name: new RegExp(FIELD_UNIT.replace(/[()]/g, '\\$&')) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FIELD_UNIT);
  await page.getByTestId(slot).click();
}

/** A 1200×900 JPEG drawn by the browser, with an EXIF segment added. */
async function photo(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 1200;
    c.height = 900;
    const g = c.getContext('2d');
    if (!g) throw new Error('no canvas');
    g.fillStyle = '#2a7';
    g.fillRect(0, 0, 1200, 900);
    g.fillStyle = '#fff';
    g.fillRect(100, 100, 400, 300);
    return c.toDataURL('image/jpeg', 0.9).split(',')[1] ?? '';
  });
  return withExif(Buffer.from(b64, 'base64'));
}

/** Answers every item of the open sheet(s) with level 3 or 2 (so the unit is not perfect), one with `special`. */
async function answerAll(page: Page, special?: { code: string; level: number }): Promise<void> {
  const items = page.locator('[data-testid^="item-"]');
  const n = await items.count();
  expect(n).toBeGreaterThan(20);
  for (let k = 0; k < n; k++) {
    const item = items.nth(k);
    const code = (await item.getAttribute('data-testid'))?.slice('item-'.length);
    const level = special && code === special.code ? special.level : k % 4 === 3 ? 2 : 3;
    await item.getByRole('radio', { name: new RegExp(`^${level} — `) }).click();
    await expect(item).toHaveAttribute('data-answered', 'yes');
  }
}

test('an assessor collects offline, the office head sends an item back, central validates', async ({ browser }) => {
  // --- the assessor, online first: the app installs its service worker ---
  const a = await collector(browser);
  const csp = watchCsp(a.page);
  await openSlot(a.page, 'slot-checklist');
  await expect(a.page.getByTestId('sheet-observation')).toBeVisible();
  const formUrl = a.page.url();

  // --- offline: fill the checklist, with a photo ---
  await a.context.setOffline(true);
  await expect(a.page.getByTestId('connection')).toHaveText('Luring');
  await answerAll(a.page, { code: RETURNED_ITEM, level: 1 });
  const jpeg = await photo(a.page);
  await a.page
    .getByTestId(`photo-input-${RETURNED_ITEM}`)
    .setInputFiles({ name: 'papan.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  const thumb = a.page.getByTestId(`item-${RETURNED_ITEM}`).getByTestId('evidence-thumb');
  await expect(thumb).toHaveCount(1);
  await expect(thumb).toContainText('GPS -6.23830, 106.97560');
  // one thumb, one column: nothing wider than the phone
  expect(await a.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  for (const dir of ['test-results', 'docs/screenshots']) {
    mkdirSync(dir, { recursive: true });
    await a.page.screenshot({ path: path.join(dir, 'collect-360.png') });
  }
  await a.page.getByTestId('send-sheet').click();
  await expect(syncBar(a.page)).toHaveAttribute('data-waiting', '2');
  await expect(a.page.getByTestId('waiting-count')).toHaveText('2 lembar menunggu dikirim');

  // --- reload while offline: nothing is lost ---
  await a.page.reload();
  await expect(a.page.getByTestId('sheet-observation')).toBeVisible();
  await expect(syncBar(a.page)).toHaveAttribute('data-waiting', '2');
  await expect(a.page.getByTestId('sheet-queued').first()).toBeVisible();
  await expect(a.page.getByTestId(`item-${RETURNED_ITEM}`).getByTestId('evidence-thumb')).toHaveCount(1);
  await expect(a.page.locator('[data-testid^="item-"][data-answered="no"]')).toHaveCount(0);
  // the session came from the worker's copy, not the network
  const fromCopy = await a.page.evaluate(async () => (await fetch('/api/v1/auth/me')).headers.get('x-patuh-offline'));
  expect(fromCopy).not.toBeNull();

  // --- back online: the outbox empties by itself ---
  await a.context.setOffline(false);
  await expect(syncBar(a.page)).toHaveAttribute('data-waiting', '0', { timeout: 30_000 });
  await expect(a.page.getByTestId('sheet-sent').first()).toBeVisible();

  // --- the office head sends one item back, verifies the document check ---
  const h = await signedIn(browser, USERS.office_head);
  await h.page.goto(`/fieldwork?year=${FIELD_YEAR}&status=submitted`);
  const rows = h.page.getByTestId('review-row');
  await expect(rows).toHaveCount(2);
  await h.page.locator('[data-testid="review-row"][data-kind="observation"]').getByRole('link').click();
  const item = h.page.getByTestId(`review-item-${RETURNED_ITEM}`);
  await expect(item.getByTestId('review-value')).toContainText('1');
  const evidence = item.getByTestId('review-evidence');
  await expect(evidence).toHaveCount(1);
  const bytes = await (await h.page.request.get((await evidence.getAttribute('href')) ?? '')).body();
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  expect(bytes.includes(Buffer.from(EXIF_MARK))).toBe(false);
  expect(bytes.includes(Buffer.from('Exif\0'))).toBe(false);
  await item.getByRole('button', { name: 'Beri catatan' }).click();
  await item.getByRole('textbox', { name: `Catatan untuk ${RETURNED_ITEM}` }).fill(NOTE);
  await h.page.getByRole('button', { name: 'Kembalikan ke asisten' }).click();
  await expect(h.page.getByTestId('feedback-ok')).toHaveText('Lembar dikembalikan kepada asisten.');
  await h.page.goto(`/fieldwork?year=${FIELD_YEAR}&status=submitted`);
  await expect(rows).toHaveCount(1);
  await rows.getByRole('link').click();
  await h.page.getByRole('button', { name: 'Verifikasi' }).click();
  await expect(h.page.getByTestId('feedback-ok')).toHaveText('Lembar diverifikasi.');

  // --- the assessor sees the note, fixes the item, sends again ---
  await a.page.goto('/collect');
  await a.page.getByTestId('sync-now').click();
  const attention = a.page.getByTestId('attention');
  await expect(attention).toContainText('Dikembalikan');
  await attention.getByRole('link').first().click();
  await expect(a.page).toHaveURL(formUrl);
  const fix = a.page.getByTestId(`item-${RETURNED_ITEM}`);
  await expect(fix.getByTestId('item-comment')).toContainText(NOTE);
  await fix.getByRole('radio', { name: /^3 — / }).click();
  await a.page.getByTestId('send-sheet').click();
  await expect(syncBar(a.page)).toHaveAttribute('data-waiting', '0');
  await expect(a.page.getByTestId('sheet-sent')).toHaveCount(2);

  // --- the office head verifies the fixed sheet ---
  await h.page.goto(`/fieldwork?year=${FIELD_YEAR}&status=submitted`);
  await expect(rows).toHaveCount(1);
  await rows.getByRole('link').click();
  await expect(h.page.getByTestId(`review-item-${RETURNED_ITEM}`).getByTestId('review-value')).toContainText('3');
  await expect(h.page.getByTestId('history')).toContainText('Dikembalikan');
  await h.page.getByRole('button', { name: 'Verifikasi' }).click();
  await expect(h.page.getByTestId('feedback-ok')).toHaveText('Lembar diverifikasi.');

  // --- central validates both; the entity's result counts them ---
  const c = await signedIn(browser, USERS.central);
  const result = () => c.page.request.get(`/api/v1/cycles/${FIELD_YEAR}/entities/${BEKASI.code}/result`);
  // verified is not enough: only validated answers count
  expect((await result()).status()).toBe(404);
  for (let k = 0; k < 2; k++) {
    await c.page.goto(`/fieldwork?year=${FIELD_YEAR}&status=verified`);
    await expect(c.page.getByTestId('review-row')).toHaveCount(2 - k);
    await c.page.getByTestId('review-row').first().getByRole('link').click();
    // the sheet's history and its audit trail (hash-chained entries) are on the page
    await expect(c.page.getByTestId('history')).toContainText('Diverifikasi');
    await expect(c.page.getByTestId('audit')).toContainText('submission.submit');
    await c.page.getByRole('button', { name: 'Validasi' }).click();
    await expect(c.page.getByTestId('feedback-ok')).toHaveText(
      'Lembar divalidasi; jawabannya kini dihitung dalam hasil.',
    );
  }
  const after = (await (await result()).json()) as {
    data: { result: { units: Array<{ name: string; score: number | null }> } };
  };
  const scored = after.data.result.units.find((u) => u.name === FIELD_UNIT);
  expect(scored?.score).toBeGreaterThan(0);
  await c.page.goto(`/cycles/${FIELD_YEAR}/entities/${BEKASI.code}`);
  const unitRow = c.page.getByTestId('unit-row').filter({ hasText: FIELD_UNIT });
  await expect(unitRow).toBeVisible();
  await expect(unitRow.getByTestId('unit-score')).not.toHaveText('—');

  expect(csp).toEqual([]);
  for (const x of [a, h, c]) await x.context.close();
});

test('a sheet changed on the server meanwhile is shown side by side, never overwritten', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const a = await collector(browser);
  await openSlot(a.page, 'slot-complaint_officer_interview-P1');
  const item = a.page.getByTestId('item-PGD.ADU.03');

  // offline, the device answers 3 and queues the sheet
  await a.context.setOffline(true);
  await item.getByRole('radio', { name: /^3 — / }).click();
  await a.page.getByTestId('send-sheet').click();
  await expect(syncBar(a.page)).toHaveAttribute('data-waiting', '1');

  // meanwhile the same sheet arrives from another device with 1
  const other = await playwright.request.newContext({ baseURL });
  const csrf = await apiLogin(other, FIELD_ASSESSOR);
  const res = await other.post('/api/v1/sync', {
    headers: { 'x-csrf-token': csrf },
    data: {
      submissions: [
        {
          id: randomUUID(),
          unitId: setup.unitId,
          kind: 'complaint_officer_interview',
          respondent: 'P1',
          baseVersion: 0,
          items: [{ indicator: 'PGD.ADU.03', value: 1 }],
          clientCreatedAt: new Date().toISOString(),
        },
      ],
    },
  });
  expect(((await res.json()) as { data: { results: Array<{ status: string }> } }).data.results[0]?.status).toBe(
    'stored',
  );
  await other.dispose();

  // back online: a conflict, both answers shown, nothing overwritten
  await a.context.setOffline(false);
  const conflict = a.page.getByTestId('conflict');
  await expect(conflict).toBeVisible({ timeout: 30_000 });
  await expect(conflict.getByTestId('conflict-mine')).toHaveText('3');
  await expect(conflict.getByTestId('conflict-server')).toHaveText('1');
  await expect(conflict.getByTestId('conflict-keep-mine')).toHaveCount(0); // the server's is waiting for review
  await conflict.getByTestId('conflict-take-server').click();
  await expect(a.page.getByTestId('sheet-sent')).toBeVisible();
  await expect(item.getByRole('radio', { name: /^1 — / })).toBeChecked();
  await expect(syncBar(a.page)).toHaveAttribute('data-waiting', '0');
  await a.context.close();
});
