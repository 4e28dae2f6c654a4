/**
 * The public dashboard's API: published cycles only (a draft cycle does not exist,
 * even for a signed-in admin), numbers equal to cycleResults, rankings from
 * services/results/rankings.ts, result cards, open-data downloads that parse to the same
 * scores, and public caching with ETags.
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { createUser } from '../../src/services/auth/create-user.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { loadDemoIfEmpty } from '../../src/services/demo.ts';
import { RESULT_LEVELS } from '../../src/services/exports/results-export.ts';
import { EXPORT_FORMATS as SERVICE_FORMATS } from '../../src/services/exports/table-writer.ts';
import { importResults } from '../../src/services/imports/import-results.ts';
import { createCycle } from '../../src/services/lifecycle/create-cycle.ts';
import { cycleRankings, RANKING_KINDS as SERVICE_KINDS } from '../../src/services/results/rankings.ts';
import { cycleResults } from '../../src/services/results/results.ts';
import {
  EXPORT_FORMATS,
  EXPORT_LEVELS,
  type PublicResultCard,
  type PublicSummary,
  RANKING_KINDS,
} from '../../src/shared/public-api.ts';
import { type Auth, json, PASSWORD, send, signIn } from '../helpers/api.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';
import { csvFile } from '../helpers/files.ts';

let t: TestContext;
let app: FastifyInstance;
let admin: Auth;
const DRAFT = 2031;
const get = (url: string, auth: Auth | null = null, headers: Record<string, string> = {}) =>
  send(app, auth, { method: 'GET', url, headers });

beforeAll(async () => {
  t = await createTestContext();
  await loadDemoIfEmpty(t.ctx);
  await importResults(
    t.ctx,
    csvFile([
      ['entity', 'unit', 'score'],
      ['Kota Bandung', 'Dinas Kesehatan', '75.5'],
      ['Kota Bandung', 'Puskesmas Garuda, Utara', '80.25'],
      ['Provinsi Jawa Barat', 'Dinas Sosial', '90'],
    ]),
    2022,
  );
  await createCycle(t.ctx, SYSTEM, { year: DRAFT, edition: 'pemda-2023', bandScheme: 'categories-2022' });
  await importResults(
    t.ctx,
    csvFile([
      ['entity', 'score'],
      ['Kota Bekasi', '99'],
    ]),
    DRAFT,
  );
  await createUser(t.ctx, SYSTEM, { email: 'admin@test.id', role: 'admin', password: PASSWORD });
  app = await buildServer(t.ctx, { logLevel: 'silent', webDist: null });
  admin = await signIn(app, 'admin@test.id');
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('published cycles only', () => {
  it('lists the published cycles with how many entities have results, never the draft', async () => {
    for (const who of [null, admin]) {
      const res = await get('/api/v1/public/cycles', who);
      expect(res.statusCode).toBe(200);
      const cycles = json(res).data as Array<{ year: number; entities: number }>;
      expect(cycles.map((c) => c.year)).toEqual([2021, 2022, 2023, 2024]);
      expect(cycles.find((c) => c.year === 2022)?.entities).toBe(4);
      expect(cycles.find((c) => c.year === 2023)?.entities).toBe(0);
    }
  });

  it('answers the draft cycle exactly like a year without a cycle, to the public and to an admin', async () => {
    const paths = ['summary', 'rankings?kind=level', 'entities/32.75', 'export.csv', 'export.xlsx?level=unit'];
    for (const who of [null, admin]) {
      for (const p of paths) {
        const draft = await get(`/api/v1/public/cycles/${DRAFT}/${p}`, who);
        const none = await get(`/api/v1/public/cycles/2099/${p}`, who);
        expect([draft.statusCode, none.statusCode], p).toEqual([404, 404]);
        expect(json(draft).error.code).toBe('CYCLE_NOT_FOUND');
        expect(json(draft).error.message.replace(String(DRAFT), '?')).toBe(
          json(none).error.message.replace('2099', '?'),
        );
        expect(json(draft).error.message).not.toContain(`${DRAFT},`);
        expect(draft.body).not.toContain('99.00');
      }
    }
  });
});

describe('summary', () => {
  it('has the numbers of cycleResults: nationally, per level and per province', async () => {
    const res = await get('/api/v1/public/cycles/2022/summary');
    expect(res.statusCode).toBe(200);
    const s = json(res).data as PublicSummary;
    const { results } = await cycleResults(t.ctx, 2022);
    const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + Math.round(b * 100), 0) / xs.length) * 1) / 100;
    const count = <T>(xs: T[], v: T) => xs.filter((x) => x === v).length;

    expect(s.cycle).toMatchObject({ year: 2022, bandScheme: 'categories-2022', entities: results.length });
    expect(s.bands.map((b) => b.category)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(s.national.entities).toBe(results.length);
    expect(s.national.meanScore).toBeCloseTo(mean(results.map((r) => r.score)), 2);
    for (const c of s.national.categories)
      expect(c.count).toBe(
        count(
          results.map((r) => r.category),
          c.category,
        ),
      );
    for (const z of s.national.zones)
      expect(z.count).toBe(
        count(
          results.map((r) => r.zone),
          z.zone,
        ),
      );
    expect(s.national.categories.reduce((n, c) => n + c.count, 0)).toBe(results.length);

    expect(s.levels.map((l) => [l.level, l.entities])).toEqual([
      ['provinsi', 1],
      ['kota', 3],
    ]);
    expect(s.provinces).toHaveLength(38);
    // the server bands each mean (the map colours by meanZone and keys by zoneRanges)
    expect(s.zoneRanges.map((r) => r.zone)).toEqual(['hijau', 'kuning', 'merah']);
    const zoneOfMean = (m: number) => s.zoneRanges.find((r) => m >= r.from)?.zone;
    for (const p of [s.national, ...s.levels, ...s.provinces])
      expect(p.meanZone).toBe(p.meanScore === null ? null : zoneOfMean(p.meanScore));
    expect(s.provinces.filter((p) => p.meanZone !== null).length).toBeGreaterThan(0);
    const jabar = s.provinces.find((p) => p.provinceCode === '32');
    const inJabar = results.filter((r) => r.entity.provinceCode === '32');
    expect(jabar).toMatchObject({ province: 'Jawa Barat', entities: 3 });
    expect(jabar?.meanScore).toBeCloseTo(mean(inJabar.map((r) => r.score)), 2);
    expect(jabar?.zones.find((z) => z.zone === 'hijau')?.count).toBe(
      count(
        inJabar.map((r) => r.zone),
        'hijau',
      ),
    );
    expect(s.provinces.find((p) => p.provinceCode === '11')).toMatchObject({
      province: 'Aceh',
      entities: 0,
      meanScore: null,
    });
  });

  it('is cacheable by anyone, with an ETag that answers 304', async () => {
    const res = await get('/api/v1/public/cycles/2022/summary', admin);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers.vary ?? '').not.toMatch(/cookie/i);
    const etag = String(res.headers.etag);
    const again = await get('/api/v1/public/cycles/2022/summary', null, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});

describe('rankings', () => {
  it('are the tables of services/results/rankings.ts, per kind', async () => {
    const level = json(await get('/api/v1/public/cycles/2022/rankings?kind=level')).data;
    const expected = await cycleRankings(t.ctx, 2022, 'level');
    if (expected.kind !== 'level') throw new Error('kind');
    expect(level.groups.map((g: { level: string; size: number }) => [g.level, g.size])).toEqual(
      expected.groups.map((g) => [g.level, g.rows.length]),
    );
    const kota = level.groups.find((g: { level: string }) => g.level === 'kota');
    expect(
      kota.rows.map((r: { entity: { code: string }; rank: number; score: number }) => [r.entity.code, r.rank, r.score]),
    ).toEqual(expected.groups.find((g) => g.level === 'kota')?.rows.map((r) => [r.entity.code, r.rank, r.score]));
    expect(kota.rows[0].opinionText).toEqual({ id: expect.any(String), en: expect.any(String) });

    const onlyKota = json(await get('/api/v1/public/cycles/2022/rankings?kind=level&level=kota')).data;
    expect(onlyKota.groups.map((g: { level: string }) => g.level)).toEqual(['kota']);
    const province = json(await get('/api/v1/public/cycles/2022/rankings?kind=province&province=32')).data;
    expect(province.groups.map((g: { provinceCode: string }) => g.provinceCode)).toEqual(['32']);
    expect(province.groups[0].rows.map((r: { provinceRank: number }) => r.provinceRank)).toEqual([1, 2]);
    const improved = json(await get('/api/v1/public/cycles/2022/rankings?kind=improved')).data;
    expect(improved).toMatchObject({ kind: 'improved', previousCycle: 2021, rows: [] });
    const awards = json(await get('/api/v1/public/cycles/2022/rankings?kind=awards')).data;
    for (const r of awards.rows) expect(r.zone).toBe('hijau');
  });

  it('refuses an unknown kind', async () => {
    const res = await get('/api/v1/public/cycles/2022/rankings?kind=best');
    expect(res.statusCode).toBe(400);
    expect(json(res).error.code).toBe('VALIDATION_FAILED');
  });
});

describe('search', () => {
  it('finds entities with a result by name as people write it, by alias and by code', async () => {
    const names = async (q: string) =>
      json(await get(`/api/v1/public/cycles/2022/entities?q=${encodeURIComponent(q)}`)).data.map(
        (h: { entity: { name: string } }) => h.entity.name,
      );
    expect(await names('bekasi')).toEqual(['Kota Bekasi']);
    expect(await names('Pemkot Bekasi')).toEqual(['Kota Bekasi']);
    expect(await names('kota')).toEqual(['Kota Bandung', 'Kota Bekasi', 'Kota Kendari']);
    expect(await names('Jabar')).toEqual(['Provinsi Jawa Barat']);
    expect(await names('74.71')).toEqual(['Kota Kendari']);
    // Kabupaten Bogor exists but has no 2022 result
    expect(await names('bogor')).toEqual([]);
    const limited = json(await get('/api/v1/public/cycles/2022/entities?q=kota&limit=1'));
    expect([limited.data.length, limited.total]).toEqual([1, 3]);
    expect(limited.data[0]).toEqual({
      entity: expect.objectContaining({ code: '32.73' }),
      score: 77.88, // the mean of its two units
      category: 'C',
      zone: 'kuning',
    });
    expect((await get('/api/v1/public/cycles/2022/entities?q=')).statusCode).toBe(400);
    expect((await get(`/api/v1/public/cycles/${DRAFT}/entities?q=bekasi`)).statusCode).toBe(404);
  });
});

describe('result card', () => {
  it('has the score, category, opinion in both languages, zone, ranks, units and history', async () => {
    const res = await get('/api/v1/public/cycles/2022/entities/32.75');
    expect(res.statusCode).toBe(200);
    const card = json(res).data as PublicResultCard;
    const bekasi = (await cycleResults(t.ctx, 2022)).results.find((r) => r.entity.code === '32.75');
    expect(card).toMatchObject({
      entity: { code: '32.75', name: 'Kota Bekasi', level: 'kota', province: 'Jawa Barat' },
      score: bekasi?.score,
      category: bekasi?.category,
      opinion: bekasi?.opinion,
      opinionText: bekasi?.opinionText,
      zone: bekasi?.zone,
      rank: bekasi?.rank,
      levelSize: 3,
      provinceRank: bekasi?.provinceRank,
      provinceSize: 2,
      synthetic: true,
    });
    expect(card.units.map((u) => [u.name, u.score])).toEqual(bekasi?.units.map((u) => [u.name, u.score]));
    expect(card.history).toEqual([
      { year: 2022, score: bekasi?.score, category: bekasi?.category, zone: bekasi?.zone, opinion: bekasi?.opinion },
    ]); // the server decides the certificate (the page only shows the link)
    expect(card.certificate).toBe(bekasi?.zone === 'hijau');
  });

  it('answers an unknown code and an entity without a result alike', async () => {
    const unknown = await get('/api/v1/public/cycles/2022/entities/99.99');
    const noResult = await get('/api/v1/public/cycles/2022/entities/11.01');
    expect([unknown.statusCode, noResult.statusCode]).toEqual([404, 404]);
    expect(json(unknown).error.message.replace('99.99', '?')).toBe(json(noResult).error.message.replace('11.01', '?'));
  });
});

describe('open-data downloads', () => {
  it('stream a CSV that parses to the scores of cycleResults, as a named attachment', async () => {
    const res = await get('/api/v1/public/cycles/2022/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="patuh-hasil-entity-2022.csv"');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const rows: Array<Record<string, string>> = parse(res.rawPayload, { columns: true });
    const { results } = await cycleResults(t.ctx, 2022);
    expect(rows.map((r) => [r.entity_code, Number(r.score), r.category, r.zone])).toEqual(
      results.map((r) => [r.entity.code, r.score, r.category, r.zone]),
    );
    const again = await get('/api/v1/public/cycles/2022/export.csv', null, {
      'if-none-match': String(res.headers.etag),
    });
    expect(again.statusCode).toBe(304);
  });

  it('give units as XLSX and JSON with the same unit scores', async () => {
    const { results } = await cycleResults(t.ctx, 2022);
    const units = results.flatMap((r) => r.units.map((u) => [r.entity.code, u.name, u.score]));
    const xlsx = await get('/api/v1/public/cycles/2022/export.xlsx?level=unit');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('patuh-hasil-unit-2022.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    if (!sheet) throw new Error('the workbook has no sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (k: string) => header.indexOf(k) + 1;
    const fromXlsx: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1)
        fromXlsx.push([
          row.getCell(col('entity_code')).value,
          row.getCell(col('unit_name')).value,
          row.getCell(col('unit_score')).value,
        ]);
    });
    expect(fromXlsx).toEqual(units);

    const jsonRes = await get('/api/v1/public/cycles/2022/export.json?level=unit');
    const rows = JSON.parse(jsonRes.body) as Array<{
      entity_code: string;
      unit_name: string;
      unit_score: number | null;
    }>;
    expect(rows.map((r) => [r.entity_code, r.unit_name, r.unit_score])).toEqual(units);
  });

  it('leave no temporary files behind, and refuse unknown formats and levels', async () => {
    const exportDirs = () => new Set(readdirSync(tmpdir()).filter((f) => f.startsWith('patuh-public-export-')));
    const before = exportDirs(); // another process on this machine may be exporting too
    for (const format of ['csv', 'xlsx', 'json']) {
      expect((await get(`/api/v1/public/cycles/2022/export.${format}?level=unit`)).statusCode).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 50));
    expect([...exportDirs()].filter((d) => !before.has(d))).toEqual([]);
    expect((await get('/api/v1/public/cycles/2022/export.pdf')).statusCode).toBe(400);
    expect((await get('/api/v1/public/cycles/2022/export.csv?level=indicator')).statusCode).toBe(400);
  });
});

describe('instruments and the results API', () => {
  it('lists the installed editions and band schemes with their bands', async () => {
    const res = await get('/api/v1/instruments');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const { editions, bandSchemes } = json(res).data;
    expect(editions.map((e: { edition: string }) => e.edition)).toEqual([
      'pemda-2022',
      'pemda-2023',
      'maladministrasi-2025',
    ]);
    expect(editions[0].name).toEqual({ id: expect.any(String), en: expect.any(String) });
    expect(editions[0].indicators).toBeGreaterThan(0);
    const cats = bandSchemes.find((b: { scheme: string }) => b.scheme === 'categories-2022');
    expect(cats.bands[0]).toEqual({
      min: 88,
      category: 'A',
      opinion: { id: 'Kualitas Tertinggi', en: 'Highest Quality' },
      zone: 'hijau',
    });
  });

  it('gives the opinion in both languages in the results API', async () => {
    const list = json(await get('/api/v1/cycles/2022/results'));
    expect(list.data[0].opinionText).toEqual({ id: list.data[0].opinion, en: expect.any(String) });
    const one = json(await get('/api/v1/cycles/2022/entities/32.75/result'));
    expect(one.data.result.opinionText.id).toBe(one.data.result.opinion);
  });

  it('keeps the shared vocabularies equal to the services’', () => {
    expect([...RANKING_KINDS]).toEqual([...SERVICE_KINDS]);
    expect([...EXPORT_FORMATS]).toEqual([...SERVICE_FORMATS]);
    expect([...EXPORT_LEVELS]).toEqual([...RESULT_LEVELS]);
  });
});
