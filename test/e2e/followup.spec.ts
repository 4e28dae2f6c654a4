/**
 * Follow-up and objections end to end, both sides. Follow-up: in the published demo
 * cycle 2022 the items of Kota Bekasi are made from its findings; its official
 * updates one with a note and a photo, the Jawa Barat office head sees it and logs a
 * mentoring session. Objections: a 2019 cycle (older than the demo, so nobody's
 * default cycle changes) gets answers for Kota Bekasi and moves to final, which opens
 * the objection window; the official objects twice, both sides write in the thread,
 * the office head accepts one with a corrected answer and rejects the other.
 */
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { apiLogin, login, watchCsp } from './helpers.ts';
import { BEKASI, USERS } from './users.ts';

const OBJECTION_YEAR = 2019;
/** a 1×1 PNG: evidence is typed by its first bytes */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const ANSWERS = [
  'entity,unit,indicator,respondent,value',
  `${BEKASI.name},DPMPTSP,PR.STD.01,,0`,
  `${BEKASI.name},DPMPTSP,PR.STD.02,,1`,
  `${BEKASI.name},DPMPTSP,PR.STD.03,,2`,
  `${BEKASI.name},DPMPTSP,PGD.ADU.01,,1`,
].join('\n');

// the flows build on each other (items updated, then seen; objections filed, then decided), and are long
test.describe.configure({ mode: 'serial', timeout: 90_000 });

async function post(request: APIRequestContext, csrf: string, url: string, data: unknown = {}) {
  const res = await request.post(url, { headers: { 'x-csrf-token': csrf }, data });
  expect(res.ok(), `${url}: ${await res.text()}`).toBe(true);
  return res.json();
}

test.beforeAll(async ({ playwright, baseURL }) => {
  const office = await playwright.request.newContext({ baseURL });
  const made = await post(
    office,
    await apiLogin(office, USERS.office_head),
    `/api/v1/cycles/2022/entities/${BEKASI.code}/follow-up/generate`,
  );
  expect(made.data.items).toBeGreaterThan(0);
  await office.dispose();

  const admin = await playwright.request.newContext({ baseURL });
  const csrf = await apiLogin(admin, USERS.admin);
  await post(admin, csrf, '/api/v1/cycles', {
    year: OBJECTION_YEAR,
    edition: 'pemda-2023',
    bandScheme: 'categories-2022',
  });
  const upload = await admin.post(`/api/v1/cycles/${OBJECTION_YEAR}/imports/answers`, {
    headers: { 'x-csrf-token': csrf },
    multipart: { file: { name: 'jawaban-2019.csv', mimeType: 'text/csv', buffer: Buffer.from(ANSWERS) } },
  });
  expect(upload.status(), await upload.text()).toBe(200);
  for (const to of ['fieldwork', 'review', 'final']) {
    await post(admin, csrf, `/api/v1/cycles/${OBJECTION_YEAR}/transition`, { to });
  }
  await admin.dispose();
});

async function logout(page: Page) {
  await page.getByTestId('account-menu').first().click();
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login$/);
}

test('follow-up: the official updates an item with evidence; the office head sees it and logs mentoring', async ({
  page,
}) => {
  const csp = watchCsp(page);
  await login(page, USERS.entity_official);
  await page.getByTestId('nav-follow-up').first().click();
  await expect(page).toHaveURL(`/tindak-lanjut/2022/${BEKASI.code}`);
  await expect(page.getByTestId('follow-up-entity')).toHaveText(BEKASI.name);
  const item = page.getByTestId('follow-up-item').first();
  const title = (await item.getByRole('heading').textContent()) ?? '';
  await item.getByText('Perbarui status').click();
  await item.getByTestId('item-status').selectOption('in_progress');
  await item.getByTestId('item-note').fill('Maklumat pelayanan sedang dicetak ulang');
  await item.locator('input[type="file"]').setInputFiles({ name: 'maklumat.png', mimeType: 'image/png', buffer: PNG });
  await item.getByTestId('item-save').click();
  await expect(item.getByTestId('feedback-ok')).toBeVisible();
  await expect(item.locator('[data-status]').first()).toHaveAttribute('data-status', 'in_progress');
  const updates = item.getByTestId('item-updates');
  await expect(updates).toContainText('Maklumat pelayanan sedang dicetak ulang');
  const evidence = await updates.getByTestId('evidence-link').first().getAttribute('href');
  const file = await page.request.get(evidence ?? '');
  expect([file.status(), file.headers()['content-type']]).toEqual([200, 'image/png']);
  // an official reads mentoring sessions but does not log them
  await page.getByTestId('tab-pendampingan').click();
  await expect(page.getByTestId('mentoring-save')).toHaveCount(0);
  await logout(page);

  await login(page, USERS.office_head);
  await page.getByTestId('cycle-picker').selectOption('2022');
  await page.getByTestId('nav-follow-up').first().click();
  const row = page.getByTestId('progress-table').getByTestId('progress-row').filter({ hasText: BEKASI.name });
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: BEKASI.name }).click();
  const same = page.getByTestId('follow-up-item').filter({ hasText: title });
  await expect(same.getByTestId('item-updates')).toContainText('Maklumat pelayanan sedang dicetak ulang');
  await page.getByTestId('tab-pendampingan').click();
  await page.getByTestId('mentoring-date').fill('2023-03-01');
  await page.getByTestId('mentoring-topics').fill('Standar pelayanan\nMaklumat pelayanan');
  await page.getByTestId('mentoring-attendees').fill('Kepala DPMPTSP\nSekretaris DPMPTSP');
  await page.getByTestId('mentoring-save').click();
  const session = page.getByTestId('mentoring-table').getByTestId('mentoring-row').first();
  await expect(session).toContainText('Standar pelayanan; Maklumat pelayanan');
  await expect(session).toContainText('Kepala DPMPTSP, Sekretaris DPMPTSP');
  expect(csp).toEqual([]);
});

async function fileObjection(page: Page, indicator: string, reason: string): Promise<string> {
  await page.goto(`/tindak-lanjut/${OBJECTION_YEAR}/${BEKASI.code}?tab=sanggahan`);
  await expect(page.getByTestId('objection-window')).toContainText('Masa sanggahan terbuka');
  await expect(page.getByTestId('objection-unit')).toHaveValue(/\d+/);
  await page.getByTestId('objection-indicator').selectOption(indicator);
  await page.getByTestId('objection-reason').fill(reason);
  await page.getByTestId('objection-submit').click();
  await expect(page).toHaveURL(/\/sanggahan\/\d+$/);
  await expect(page.getByTestId('objection-title')).toContainText(indicator);
  return page.url();
}

const objection = { first: '', second: '' };

test('objections: the entity official objects twice and writes in the thread', async ({ page }) => {
  const csp = watchCsp(page);
  await login(page, USERS.entity_official);
  const first = await fileObjection(page, 'PR.STD.01', 'Maklumat pelayanan sudah dipasang sejak Juli');
  await expect(page.getByTestId('objection-answers')).toContainText('pengamatan: 0');
  await page.getByTestId('objection-reply').fill('Foto maklumat menyusul');
  await page.getByTestId('objection-send').click();
  await expect(page.getByTestId('objection-thread').locator('[data-side="entity"]')).toContainText(
    'Foto maklumat menyusul',
  );
  await expect(page.getByTestId('decision-panel')).toHaveCount(0);
  const second = await fileObjection(page, 'PR.STD.02', 'Standar pelayanan sudah ditetapkan');
  Object.assign(objection, { first, second });
  expect(csp).toEqual([]);
});

test('objections: the office head finds them in the inbox, replies, accepts one and rejects the other', async ({
  page,
}) => {
  expect(objection.first, 'the objections were filed by the test before').not.toBe('');
  const csp = watchCsp(page);
  const { first, second } = objection;
  await login(page, USERS.office_head);
  await page.getByTestId('cycle-picker').selectOption(String(OBJECTION_YEAR));
  await page.getByTestId('nav-follow-up').first().click();
  const inbox = page.getByTestId('objection-table');
  await expect(inbox.getByTestId('objection-row')).toHaveCount(2);
  await inbox.getByRole('link', { name: 'PR.STD.01' }).click();
  await expect(page).toHaveURL(first);
  await expect(page.getByTestId('objection-thread')).toContainText('Foto maklumat menyusul');
  await page.getByTestId('objection-reply').fill('Foto diterima, nilai dikoreksi');
  await page.getByTestId('objection-send').click();
  await expect(page.getByTestId('objection-thread').locator('[data-side="ombudsman"]')).toContainText('Foto diterima');
  await page.getByTestId('corrected-obs').selectOption('3');
  await page.getByTestId('decision-reason').fill('Maklumat terpasang sesuai foto bertanggal');
  await page.getByTestId('objection-accept').click();
  await expect(page.getByTestId('objection-decision')).toContainText('Diterima');
  await expect(page.getByTestId('objection-correction')).toContainText('pengamatan: 0 → pengamatan: 3');
  await expect(page.getByTestId('objection-score-change')).toContainText('→');
  await expect(page.getByTestId('objection-answers')).toContainText('pengamatan: 3');
  await expect(page.getByTestId('objection-reply')).toHaveCount(0);

  await page.goto(second);
  await page.getByTestId('decision-reason').fill('Dokumen standar pelayanan belum ditetapkan kepala daerah');
  await page.getByTestId('objection-reject').click();
  await expect(page.getByTestId('objection-decision')).toContainText('Ditolak');
  await expect(page.getByTestId('objection-answers')).toContainText('pengamatan: 1');
  expect(csp).toEqual([]);
});

test('objections: the official sees both decisions', async ({ page }) => {
  const { first } = objection;
  await login(page, USERS.entity_official);
  await page.goto(`/tindak-lanjut/${OBJECTION_YEAR}/${BEKASI.code}?tab=sanggahan`);
  const mine = page.getByTestId('objection-table').getByTestId('objection-row');
  await expect(mine.filter({ hasText: 'PR.STD.01' }).locator('[data-status]')).toHaveAttribute(
    'data-status',
    'accepted',
  );
  await expect(mine.filter({ hasText: 'PR.STD.02' }).locator('[data-status]')).toHaveAttribute(
    'data-status',
    'rejected',
  );
  await page.goto(first);
  await expect(page.getByTestId('objection-decision')).toContainText('Maklumat terpasang sesuai foto bertanggal');
});
