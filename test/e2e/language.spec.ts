/** Bahasa Indonesia by default; the switch changes every label and number format, and is remembered. */
import { expect, test } from '@playwright/test';
import { BEKASI } from './users.ts';

test('the language switch turns the app into English and back', async ({ page }) => {
  await page.goto('/cycles/2022');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hasil Penilaian Kepatuhan 2022');
  const bekasiRow = page.getByTestId('result-row').filter({ hasText: BEKASI.name });
  await expect(bekasiRow.getByTestId('result-score')).toHaveText(/^\d+,\d\d$/);
  await expect(page.getByLabel('Cari nama instansi')).toBeVisible();

  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compliance Assessment Results 2022');
  await expect(bekasiRow.getByTestId('result-score')).toHaveText(/^\d+\.\d\d$/);
  await expect(page.getByLabel('Search institution name')).toBeVisible();
  await expect(bekasiRow).toContainText('Green zone');

  // remembered across pages and reloads
  await page.goto(`/cycles/2022/entities/${BEKASI.code}`);
  await expect(page.getByText('Compliance score')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: /^Why \d+\.\d\d\?$/ })).toBeVisible();

  await page.getByTestId('language-switch').getByText('ID').click();
  await expect(page.getByRole('heading', { name: /^Mengapa nilainya \d+,\d\d\?$/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
});
