/**
 * Each role signs in and sees exactly what it may: the public and entity officials
 * see published cycles only; an official sees only its entity; a regional office
 * only its province; only admin and central staff get the administration menu.
 */
import { expect, type Page, test } from '@playwright/test';
import { apiLogin, login, watchCsp } from './helpers.ts';
import { BEKASI, DRAFT_YEAR, KENDARI, USERS } from './users.ts';

/** The years offered by the cycle picker. */
async function pickerYears(page: Page): Promise<string[]> {
  const picker = page.getByTestId('cycle-picker');
  await expect(picker).toBeVisible();
  return picker.locator('option').allTextContents();
}

async function resultNames(page: Page, year = 2022): Promise<string[]> {
  await page.goto(`/cycles/${year}`);
  await expect(page.getByTestId('results-table')).toBeVisible();
  return page.getByTestId('result-row').locator('a').allTextContents();
}

test.beforeAll(async ({ playwright, baseURL }) => {
  // an unpublished cycle, so that "published only" can be seen
  const request = await playwright.request.newContext({ baseURL });
  const csrf = await apiLogin(request, USERS.central);
  const res = await request.post('/api/v1/cycles', {
    headers: { 'x-csrf-token': csrf },
    data: { year: DRAFT_YEAR, edition: 'pemda-2023', bandScheme: 'categories-2022' },
  });
  expect([201, 409], await res.text()).toContain(res.status());
  await request.dispose();
});

test('the public sees published cycles and every entity, and no administration', async ({ page }) => {
  const csp = watchCsp(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/cycles\/2022$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hasil Penilaian Kepatuhan 2022');
  expect(await pickerYears(page)).not.toContain(String(DRAFT_YEAR));
  expect(await resultNames(page)).toEqual(expect.arrayContaining([BEKASI.name, KENDARI.name]));
  await expect(page.getByTestId('admin-menu')).toHaveCount(0);
  await expect(page.getByTestId('login-link').first()).toBeVisible();

  // an unpublished cycle does not exist for the public
  await page.goto(`/cycles/${DRAFT_YEAR}`);
  await expect(page.getByTestId('error-notice')).toContainText('belum dipublikasikan');
  // administration asks for a login
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/login$/);
  expect(csp).toEqual([]);
});

test('an admin sees every cycle and the whole administration menu', async ({ page }) => {
  await login(page, USERS.admin);
  expect(await pickerYears(page)).toContain(String(DRAFT_YEAR));
  const menu = page.getByTestId('admin-menu');
  for (const item of ['cycles', 'entities', 'offices', 'users', 'imports']) {
    await expect(menu.getByTestId(`nav-admin-${item}`)).toBeVisible();
  }
  await menu.getByTestId('nav-admin-users').click();
  await expect(page.getByTestId('users-table')).toContainText(USERS.entity_official.email);
  await expect(page.getByTestId('users-table')).toContainText(BEKASI.name);
  await menu.getByTestId('nav-admin-offices').click();
  await expect(page.getByTestId('offices-table')).toContainText('Jawa Barat');
});

test('central staff administer cycles and imports but not users', async ({ page }) => {
  await login(page, USERS.central);
  const menu = page.getByTestId('admin-menu');
  await expect(menu.getByTestId('nav-admin-cycles')).toBeVisible();
  await expect(menu.getByTestId('nav-admin-imports')).toBeVisible();
  await expect(menu.getByTestId('nav-admin-users')).toHaveCount(0);
  await menu.getByTestId('nav-admin-cycles').click();
  await expect(page.getByTestId('cycles-table')).toContainText(String(DRAFT_YEAR));
  await page.goto('/admin/users');
  await expect(page.getByTestId('admin-forbidden')).toBeVisible();
});

test('an office head sees only its province', async ({ page }) => {
  await login(page, USERS.office_head);
  expect(await resultNames(page)).toEqual([BEKASI.name]);
  await expect(page.getByTestId('admin-menu').getByTestId('nav-admin-users')).toHaveCount(0);
  await expect(page.getByTestId('admin-menu').getByTestId('nav-admin-cycles')).toHaveCount(0);
  await page.goto(`/cycles/2022/entities/${KENDARI.code}`);
  await expect(page.getByTestId('error-notice')).toContainText('tidak memiliki akses');
});

test('an assessor sees only its office’s entities', async ({ page }) => {
  await login(page, USERS.assessor);
  expect(await resultNames(page)).toEqual([KENDARI.name]);
  await page.goto(`/cycles/2022/entities/${BEKASI.code}`);
  await expect(page.getByTestId('error-notice')).toBeVisible();
});

test('an entity official sees only its own entity in published cycles', async ({ page }) => {
  await login(page, USERS.entity_official);
  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`/cycles/2022/entities/${BEKASI.code.replace('.', '\\.')}$`));
  await expect(page.getByTestId('entity-name')).toHaveText(BEKASI.name);
  await expect(page.getByTestId('nav-my-entity').first()).toBeVisible();
  await expect(page.getByTestId('admin-menu')).toHaveCount(0);
  expect(await pickerYears(page)).not.toContain(String(DRAFT_YEAR));
  expect(await resultNames(page)).toEqual([BEKASI.name]);
  // another entity's page does not exist for an official
  await page.goto(`/cycles/2022/entities/${KENDARI.code}`);
  await expect(page.getByTestId('error-notice')).toContainText('Data tidak ditemukan');
  await expect(page.getByText('60,17')).toHaveCount(0);
});

test('logging out returns to the public view', async ({ page }) => {
  await login(page, USERS.admin);
  await page.getByTestId('account-menu').first().click();
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('Anda telah keluar.')).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('admin-menu')).toHaveCount(0);
  expect(await pickerYears(page)).not.toContain(String(DRAFT_YEAR));
});
