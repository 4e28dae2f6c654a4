/**
 * The entity page shows the engine's numbers: the same score, category and unit
 * scores as `patuh results --json` on the same data. It explains the score, links
 * to the unit page, and stays readable on a 360 px wide phone.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { idScore, patuhCli, watchCsp } from './helpers.ts';
import { BEKASI } from './users.ts';

interface CliResult {
  entity: { code: string; name: string };
  score: number;
  category: string | null;
  opinion: string;
  zone: string;
  units: Array<{ name: string; score: number | null }>;
}

test('the entity page shows the same numbers as `patuh results --json`', async ({ page }) => {
  const csp = watchCsp(page);
  const cli = JSON.parse(patuhCli(['results', '--cycle', '2022', '--entity', BEKASI.name, '--json'])) as CliResult[];
  expect(cli).toHaveLength(1);
  const expected = cli[0];
  if (!expected) throw new Error('no CLI result');

  await page.goto(`/cycles/2022/entities/${BEKASI.code}`);
  await expect(page.getByTestId('entity-name')).toHaveText(BEKASI.name);
  await expect(page.getByTestId('entity-score')).toHaveText(idScore(expected.score));
  await expect(page.getByTestId('entity-category')).toHaveText(expected.category ?? '—');
  await expect(page.getByTestId('entity-opinion')).toHaveText(expected.opinion);
  await expect(page.getByTestId('entity-zone').locator('[data-zone]')).toHaveAttribute('data-zone', expected.zone);
  await expect(page.getByTestId('synthetic-badge').first()).toBeVisible();

  const rows = page.getByTestId('unit-row');
  await expect(rows).toHaveCount(expected.units.length);
  const shown = await Promise.all(
    (await rows.all()).map(async (r) => ({
      name: (await r.getByTestId('unit-name').textContent())?.trim(),
      score: (await r.getByTestId('unit-score').textContent())?.trim(),
    })),
  );
  expect(shown).toEqual(
    expected.units.map((u) => ({ name: u.name, score: u.score === null ? '—' : idScore(u.score) })),
  );

  // why this score: the points lost, dimension by dimension
  const why = page.getByTestId('why-this-score');
  await expect(why).toContainText(`kehilangan ${idScore(100 - expected.score)} poin`);
  await expect(why).toContainText('mengurangi');
  expect(csp).toEqual([]);
});

test('a unit page lists each indicator’s answers and what it cost', async ({ page }) => {
  await page.goto(`/cycles/2022/entities/${BEKASI.code}`);
  const first = page.getByTestId('unit-row').first();
  const name = (await first.getByTestId('unit-name').textContent())?.trim() ?? '';
  const score = (await first.getByTestId('unit-score').textContent())?.trim() ?? '';
  await first.getByRole('link').click();
  await expect(page.getByTestId('unit-title')).toHaveText(name);
  await expect(page.getByTestId('unit-detail-score')).toHaveText(score);
  await expect(page.getByTestId('indicator-row').first()).toBeVisible();
  expect(await page.getByTestId('indicator-row').count()).toBeGreaterThan(20);
});

test('the entity page is readable 360 px wide', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`/cycles/2022/entities/${BEKASI.code}`);
  await expect(page.getByTestId('entity-score')).toBeVisible();
  await expect(page.getByTestId('units-table')).toBeVisible();
  // charts load lazily: wait for them before the picture
  await expect(page.locator('[role="img"] svg').first()).toBeVisible();
  // nothing but the tables' own scroll areas may be wider than the screen
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(360);
  const shot = await page.screenshot({ fullPage: true });
  await testInfo.attach('entity-360', { body: shot, contentType: 'image/png' });
  for (const dir of ['test-results', 'docs/screenshots']) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ fullPage: true, path: path.join(dir, 'entity-360.png') });
  }
});
