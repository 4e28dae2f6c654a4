/** The administration screens do what they say: cycles, units, users. */
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';
import { BEKASI, USERS } from './users.ts';

const NEW_YEAR = 2026;

test('an admin creates a cycle from an edition and moves it to fieldwork', async ({ page }) => {
  await login(page, USERS.admin);
  await page.getByTestId('admin-menu').getByTestId('nav-admin-cycles').click();
  const form = page.getByRole('form', { name: 'Buat siklus' });
  await form.getByLabel('Tahun').fill(String(NEW_YEAR));
  await form.getByLabel('Edisi instrumen').fill('pemda-2023');
  await form.getByLabel('Skema kategori').fill('categories-2022');
  await form.getByRole('button', { name: 'Buat siklus' }).click();
  await expect(form.getByTestId('feedback-ok')).toHaveText(`Siklus ${NEW_YEAR} dibuat.`);

  const row = page
    .getByTestId('cycles-table')
    .getByRole('row')
    .filter({ hasText: String(NEW_YEAR) });
  await expect(row).toContainText('Draf');
  await row.getByTestId(`transition-${NEW_YEAR}`).selectOption('fieldwork');
  await row.getByRole('button', { name: 'Ubah status' }).click();
  await expect(row).toContainText('Pengambilan data');
});

test('an admin adds, renames and deactivates a unit of an entity', async ({ page }) => {
  await login(page, USERS.admin);
  await page.getByTestId('cycle-picker').selectOption(String(NEW_YEAR));
  await page.getByTestId('admin-menu').getByTestId('nav-admin-entities').click();
  await page.getByRole('searchbox', { name: 'Cari instansi' }).fill(BEKASI.name);
  const entityRow = page
    .getByTestId('admin-entities-table')
    .getByRole('row')
    .filter({ hasText: `(${BEKASI.code})` });
  await entityRow.getByRole('button', { name: 'Kelola unit' }).click();

  const panel = page.getByRole('region', { name: `Unit layanan ${BEKASI.name}, siklus ${NEW_YEAR}` });
  await panel.getByRole('textbox', { name: 'Nama unit' }).fill('Kecamatan Bekasi Timur');
  await panel.getByRole('button', { name: 'Tambah unit' }).click();
  await expect(panel.getByTestId('feedback-ok')).toContainText('Kecamatan Bekasi Timur');
  const unit = panel
    .getByTestId('admin-unit-row')
    .filter({ has: page.getByRole('textbox', { name: /Kecamatan Bekasi Timur/ }) });
  await expect(unit).toContainText('Aktif');

  await unit.getByRole('textbox').fill('Kecamatan Bekasi Timur (Kantor)');
  await unit.getByRole('button', { name: 'Ganti nama' }).click();
  const renamed = panel
    .getByTestId('admin-unit-row')
    .filter({ has: page.getByRole('textbox', { name: /Kecamatan Bekasi Timur \(Kantor\)/ }) });
  await renamed.getByRole('button', { name: 'Nonaktifkan' }).click();
  await expect(renamed).toContainText('Nonaktif');
});

test('an admin creates a user with a role and a regional office', async ({ page }) => {
  await login(page, USERS.admin);
  await page.getByTestId('admin-menu').getByTestId('nav-admin-users').click();
  const form = page.getByRole('form', { name: 'Tambah pengguna' });
  await form.getByRole('textbox', { name: 'Email' }).fill('e2e-kepala-sultra@patuh.test');
  await form.getByRole('textbox', { name: 'Nama' }).fill('Kepala Sultra');
  await form.getByTestId('user-role').selectOption('office_head');
  await form.getByTestId('user-office').selectOption('74');
  await form.getByRole('textbox', { name: 'Kata sandi awal' }).fill('e2e-Rahasia-baru-1');
  await form.getByRole('button', { name: 'Tambah pengguna' }).click();
  await expect(form.getByTestId('feedback-ok')).toContainText('e2e-kepala-sultra@patuh.test');
  const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: 'e2e-kepala-sultra@patuh.test' });
  await expect(row).toContainText('Kepala perwakilan');
  await expect(row).toContainText('Sulawesi Tenggara');
});
