/** A file with bad rows is rejected as a whole: the page lists the rows and says nothing was imported. */
import { expect, test } from '@playwright/test';
import { login, patuhCli } from './helpers.ts';
import { BEKASI, USERS } from './users.ts';

const BAD_ANSWERS = [
  'entity,unit,indicator,respondent,value',
  `${BEKASI.name},DPMPTSP,IN.KOM.01,R1,3`,
  `${BEKASI.name},DPMPTSP,IN.KOM.01,R2,7`,
  'Kota Yang Tidak Ada,DPMPTSP,IN.KOM.01,R1,2',
  `${BEKASI.name},DPMPTSP,XX.NOPE.99,R1,1`,
].join('\n');

test('an import with bad rows shows them and imports nothing', async ({ page }) => {
  const before = patuhCli(['results', '--cycle', '2022', '--entity', BEKASI.name, '--json']);
  await login(page, USERS.admin);
  await page.getByTestId('cycle-picker').selectOption('2022');
  await page.getByTestId('admin-menu').getByTestId('nav-admin-imports').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Impor data');

  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'jawaban-salah.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_ANSWERS) });
  await page.getByTestId('import-submit').click();

  const rejected = page.getByTestId('import-rejected');
  await expect(rejected).toContainText('tidak ada data yang diimpor');
  const rows = page.getByTestId('import-error-row');
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  const rowNumbers = (await rows.locator('td:first-child').allTextContents()).map((s) => s.trim());
  for (const n of ['3', '4', '5']) expect(rowNumbers).toContain(n);

  // the one good row was not imported either
  expect(patuhCli(['results', '--cycle', '2022', '--entity', BEKASI.name, '--json'])).toEqual(before);
});
