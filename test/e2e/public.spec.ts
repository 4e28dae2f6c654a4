/**
 * The public dashboard, without signing in: only published cycles (a draft made
 * through the admin API is nowhere to be seen), the province map and the search lead
 * to a result card with the engine's numbers and a shareable address, the downloads
 * are files with the same scores (and the card's report card and certificate are
 * PDFs), ECharts is not loaded where no chart is shown, and the pages fit a 360 px
 * phone.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { apiLogin, idScore, watchCsp } from './helpers.ts';
import { BEKASI, DRAFT_YEAR, KENDARI, USERS } from './users.ts';

interface ApiResult {
  entity: { code: string; name: string; level: string; provinceCode: string | null };
  score: number;
  category: string | null;
  zone: string;
  rank: number;
  units: Array<{ name: string; score: number | null }>;
}

let results: ApiResult[] = [];

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const csrf = await apiLogin(request, USERS.admin);
  const res = await request.post('/api/v1/cycles', {
    headers: { 'x-csrf-token': csrf },
    data: { year: DRAFT_YEAR, edition: 'pemda-2023', bandScheme: 'categories-2022' },
  });
  expect([201, 409], await res.text()).toContain(res.status());
  // the engine's numbers, as the public results API gives them
  const anon = await playwright.request.newContext({ baseURL });
  results = (await (await anon.get('/api/v1/cycles/2022/results?pageSize=500')).json()).data;
  await request.dispose();
  await anon.dispose();
});

const bekasi = () => {
  const r = results.find((x) => x.entity.code === BEKASI.code);
  if (!r) throw new Error('Kota Bekasi has no 2022 result');
  return r;
};

/** The ECharts chunk, whenever the page asks for it. */
function watchECharts(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => {
    if (/\/assets\/echarts-[^/]*\.js$/.test(r.url())) urls.push(r.url());
  });
  return urls;
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('the dashboard shows published cycles only, even with a draft cycle in the database', async ({
  page,
  request,
}) => {
  const csp = watchCsp(page);
  const cycles = (await (await request.get('/api/v1/public/cycles')).json()).data as Array<{
    year: number;
    entities: number;
  }>;
  expect(cycles.map((c) => c.year)).not.toContain(DRAFT_YEAR);
  const latest = [...cycles].sort((a, b) => b.year - a.year).find((c) => c.entities > 0)?.year;

  await page.goto('/publik');
  await expect(page).toHaveURL(new RegExp(`/publik/${latest}$`));
  const picker = page.getByTestId('public-cycle-picker');
  await expect(picker.locator('option', { hasText: '2021' })).toHaveCount(1);
  const years = await picker.locator('option').allTextContents();
  expect(years).not.toContain(String(DRAFT_YEAR));
  expect(years).toEqual(expect.arrayContaining(['2021', '2022', '2023', '2024']));

  await page.goto('/publik/2022');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hasil Penilaian Kepatuhan 2022');
  await expect(page.getByTestId('stat-entities')).toHaveText(String(results.length));
  await expect(page.getByTestId('level-table')).toContainText('Kota');

  // the draft does not exist here, not even by its address
  await page.goto(`/publik/${DRAFT_YEAR}`);
  await expect(page.getByTestId('error-notice')).toContainText('belum dipublikasikan');
  expect((await request.get(`/api/v1/public/cycles/${DRAFT_YEAR}/summary`)).status()).toBe(404);
  expect(csp).toEqual([]);
});

test('the province map leads to the ranking within a province and on to a result card', async ({ page }) => {
  const csp = watchCsp(page);
  await page.goto('/publik/2022');
  const map = page.getByTestId('province-map-wide');
  const jabar = map.getByTestId('province-tile-32');
  await expect(jabar).toHaveAttribute('aria-label', /^Jawa Barat: 1 instansi/);
  // a province without results is named, not linked
  await expect(map.getByTestId('province-tile-11')).toHaveAttribute('aria-label', 'Aceh: belum ada hasil');
  await expect(map.locator('a')).toHaveCount(2);

  // colour by the mean score instead: the tile shows Jawa Barat's mean (Kota Bekasi's score)
  await page.getByTestId('map-metric').getByText('Nilai rata-rata').click();
  await expect(jabar).toContainText(idScore(bekasi().score));

  // the same numbers as a table
  await page.getByTestId('map-table-toggle').click();
  await expect(page.getByTestId('province-table').getByRole('row', { name: /Sulawesi Tenggara/ })).toContainText('1');

  // keyboard: focus the tile and follow it
  await jabar.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/publik\/2022\/peringkat\?jenis=provinsi&provinsi=32$/);
  const table = page.getByTestId('ranking-table');
  await expect(table.getByTestId('ranking-row')).toHaveCount(1);
  await table.getByRole('link', { name: BEKASI.name }).click();
  await expect(page).toHaveURL(`/publik/2022/entitas/${BEKASI.code}`);
  await expect(page.getByTestId('card-entity')).toHaveText(BEKASI.name);
  expect(csp).toEqual([]);
});

test('search finds an entity; its result card has the engine’s numbers and a shareable address', async ({ page }) => {
  const csp = watchCsp(page);
  await page.goto('/publik/2022');
  await page.getByTestId('public-search').fill('pemkot bekasi');
  const hit = page.getByTestId('search-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText(idScore(bekasi().score));
  await hit.getByRole('link', { name: BEKASI.name }).click();

  const expected = bekasi();
  await expect(page).toHaveURL(`/publik/2022/entitas/${BEKASI.code}`);
  await expect(page.getByTestId('card-score')).toHaveText(idScore(expected.score));
  await expect(page.getByTestId('card-category')).toHaveText(expected.category ?? '—');
  await expect(page.getByTestId('card-zone').locator('[data-zone]')).toHaveAttribute('data-zone', expected.zone);
  const kota = results.filter((r) => r.entity.level === 'kota').length;
  await expect(page.getByTestId('card-rank')).toContainText(`Peringkat ${expected.rank} dari ${kota} kota`);
  await expect(page.getByTestId('card-units').locator('tbody tr')).toHaveCount(expected.units.length);

  // the address works on its own: a reload (the server answers index.html), and in a fresh page
  await page.reload();
  await expect(page.getByTestId('card-score')).toHaveText(idScore(expected.score));
  const fresh = await page.context().newPage();
  const echarts = watchECharts(fresh);
  await fresh.goto(`/publik/2022/entitas/${KENDARI.code}`);
  await expect(fresh.getByTestId('card-entity')).toHaveText(KENDARI.name);
  await expect(fresh.getByTestId('card-history')).toBeVisible();
  await fresh.goto('/publik/2022/entitas/99.99');
  await expect(fresh.getByTestId('card-not-found')).toBeVisible();
  await fresh.close();

  // the card draws no chart, so a phone opening a shared card never downloads ECharts
  expect(echarts).toEqual([]);
  expect(csp).toEqual([]);
});

test('the downloads are files with the same scores', async ({ page, request }) => {
  await page.goto('/publik/2022');
  const downloads = page.getByTestId('downloads');
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    downloads.getByTestId('download-entity-csv').click(),
  ]);
  expect(csv.suggestedFilename()).toBe('patuh-hasil-entity-2022.csv');
  const text = readFileSync(await csv.path(), 'utf8');
  const [header, ...lines] = text.trim().split('\n');
  const cols = (header ?? '').split(',');
  const at = (line: string, col: string) => line.split(',')[cols.indexOf(col)];
  expect(lines.map((l) => [at(l, 'entity_code'), Number(at(l, 'score'))])).toEqual(
    results.map((r) => [r.entity.code, r.score]),
  );

  for (const format of ['xlsx', 'json'] as const) {
    const href = await downloads.getByTestId(`download-unit-${format}`).getAttribute('href');
    const res = await request.get(href ?? '');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toBe(`attachment; filename="patuh-hasil-unit-2022.${format}"`);
    if (format === 'json') {
      const rows = (await res.json()) as Array<{ entity_code: string; unit_score: number | null }>;
      expect(rows.filter((r) => r.entity_code === BEKASI.code).map((r) => r.unit_score)).toEqual(
        bekasi().units.map((u) => u.score),
      );
    } else {
      expect((await res.body()).subarray(0, 2).toString()).toBe('PK'); // a zip container
    }
  }

  // a result card offers its report card, and in the green zone its certificate, as PDFs
  expect(bekasi().zone).toBe('hijau');
  await page.goto(`/publik/2022/entitas/${BEKASI.code}`);
  const links = page.getByTestId('report-links');
  await expect(links.getByTestId('download-report-card')).toHaveText('Unduh rapor (PDF)');
  await expect(links.getByTestId('download-certificate')).toHaveText('Unduh piagam (PDF)');
  for (const [doc, name] of [
    ['report-card', 'rapor'],
    ['certificate', 'piagam'],
  ] as const) {
    const href = await links.getByTestId(`download-${doc}`).getAttribute('href');
    expect(href).toBe(`/api/v1/public/cycles/2022/entities/${BEKASI.code}/${doc}.pdf`);
    const res = await page.request.get(href ?? '');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(res.headers()['content-disposition']).toBe(
      `attachment; filename="${BEKASI.code}-kota-bekasi-${name}-2022.pdf"`,
    );
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }
  // outside the green zone there is no certificate to offer
  expect(results.find((r) => r.entity.code === KENDARI.code)?.zone).not.toBe('hijau');
  await page.goto(`/publik/2022/entitas/${KENDARI.code}`);
  await expect(page.getByTestId('download-report-card')).toBeVisible();
  await expect(page.getByTestId('download-certificate')).toHaveCount(0);
});

test('on a 360 px phone the dashboard, the rankings and the card fit the screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const echarts = watchECharts(page);
  await page.goto('/publik/2022');
  await expect(page.getByTestId('province-map-narrow').getByTestId('province-tile-32')).toBeVisible();
  await expect(page.getByTestId('province-map-wide')).toBeHidden();
  await noSidewaysScroll(page);
  // ECharts comes only when a chart scrolls into view
  expect(echarts).toEqual([]);
  await page.getByTestId('public-distribution').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('public-distribution').getByRole('img').first()).toBeVisible();
  expect(echarts).toHaveLength(1);
  await page.goto('/publik/2022/peringkat?jenis=tingkat');
  await expect(page.getByTestId('ranking-row')).toHaveCount(2);
  await noSidewaysScroll(page);
  await page.goto(`/publik/2022/entitas/${BEKASI.code}`);
  await expect(page.getByTestId('card-score')).toBeVisible();
  await noSidewaysScroll(page);
});
