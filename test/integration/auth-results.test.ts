/** The results API: the engine's numbers (as `patuh results --json` prints them), filters, pages, ETag, entity and unit pages. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentResult } from '../../src/present/results.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { importResults } from '../../src/services/imports/import-results.ts';
import { createCycle } from '../../src/services/lifecycle/create-cycle.ts';
import { explainEntity } from '../../src/services/results/explain.ts';
import { cycleResults } from '../../src/services/results/results.ts';
import type { HistoryPoint, ResultView } from '../../src/shared/api-schemas.ts';
import { buildWorld, json, send, type World, X, Y } from '../helpers/api.ts';
import { csvFile } from '../helpers/files.ts';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
  // history: a draft cycle with a result for X that officials must not see yet
  await createCycle(w.t.ctx, SYSTEM, { year: 2034, edition: 'pemda-2023', bandScheme: 'categories-2022' });
  await importResults(
    w.t.ctx,
    csvFile([
      ['entity', 'score'],
      ['Kota Bekasi', '90.004'],
    ]),
    2034,
  );
  await importResults(
    w.t.ctx,
    csvFile([
      ['entity', 'score'],
      ['Kota Bekasi', '70.5'],
    ]),
    2021,
  );
});
afterAll(async () => w?.close());

const get = (url: string, auth: World['auth'][keyof World['auth']] = null) => send(w.app, auth, { method: 'GET', url });
const withoutUnitIds = (r: ResultView) => ({ ...r, units: r.units.map(({ id: _, ...u }) => u) });

describe('cycle results', () => {
  it('are the engine’s results, field for field, as the CLI prints them', async () => {
    // the CLI's fields, and the opinion in both languages
    const cli = (await cycleResults(w.t.ctx, 2022)).results.map((r) => ({
      ...presentResult(r),
      opinionText: r.opinionText,
    }));
    const api = json(await get('/api/v1/cycles/2022/results?pageSize=500'));
    expect(api.data.map(withoutUnitIds)).toEqual(cli);
    expect(api.page).toEqual({ page: 1, pageSize: 500, total: cli.length });
    const ids = (await cycleResults(w.t.ctx, 2022)).results.flatMap((r) => r.units.map((u) => u.id));
    expect(api.data.flatMap((r: ResultView) => r.units.map((u) => u.id))).toEqual(ids);
  });

  it('filter by level, province, category, zone and name, sort, and page', async () => {
    const codes = async (q: string) =>
      json(await get(`/api/v1/cycles/2022/results?${q}`)).data.map((r: ResultView) => r.entity.code);
    expect(await codes('province=74')).toEqual([Y]);
    expect(await codes('q=bekasi')).toEqual([X]);
    expect(await codes('level=provinsi')).toEqual([]);
    expect(await codes('zone=hijau')).toEqual([X]);
    expect(await codes('category=C&sort=name')).toEqual(['32.73', Y]);
    expect(await codes('sort=score')).toEqual([...(await codes('sort=-score'))].reverse());
    const p2 = json(await get('/api/v1/cycles/2022/results?pageSize=1&page=2'));
    expect(p2.page).toEqual({ page: 2, pageSize: 1, total: 3 });
    expect(p2.data).toHaveLength(1);
    expect((await get('/api/v1/cycles/2022/results?zone=ungu')).statusCode).toBe(400);
  });

  it('answer 304 to a matching If-None-Match and say the answer is private', async () => {
    const first = await get('/api/v1/cycles/2022/results');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.headers.vary).toBe('Cookie, Authorization');
    const again = await w.app.inject({
      method: 'GET',
      url: '/api/v1/cycles/2022/results',
      headers: { 'if-none-match': `W/${etag}, "other"` },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const scoped = await w.app.inject({
      method: 'GET',
      url: '/api/v1/cycles/2022/results',
      cookies: w.auth.entity_official?.cookies,
      headers: { 'if-none-match': etag },
    });
    expect(scoped.statusCode).toBe(200);
    expect(scoped.headers.etag).not.toBe(etag);
  });
});

describe('entity page', () => {
  it('has the result, the engine’s explanation, labels, each unit’s explanation and the history', async () => {
    const body = json(await get(`/api/v1/cycles/2022/entities/${X}/result`)).data;
    const x = await explainEntity(w.t.ctx, 2022, X);
    expect(withoutUnitIds(body.result)).toEqual({ ...presentResult(x.result), opinionText: x.result.opinionText });
    expect(body.explanation).toEqual(JSON.parse(JSON.stringify(x.explanation)));
    expect(body.units.map((u: { id: number }) => u.id)).toEqual(x.units.map((u) => u.id));
    expect(body.instrument.dimensions.map((d: { code: string }) => d.code)).toEqual(['IN', 'PR', 'OUT', 'PGD']);
    expect(body.instrument.dimensions[0].variables[0].indicators[0]).toMatchObject({
      code: 'IN.KOM.01',
      text: { id: expect.any(String), en: expect.any(String) },
    });
    expect(body.history).toEqual([
      { year: 2021, score: 70.5, category: null, zone: 'kuning', opinion: expect.any(String) },
      {
        year: 2022,
        score: x.result.score,
        category: x.result.category,
        zone: x.result.zone,
        opinion: x.result.opinionText.id,
      },
    ]);
  });

  it('shows history from unpublished cycles to staff only', async () => {
    const years = async (auth: World['auth'][keyof World['auth']]) =>
      json(await get(`/api/v1/cycles/2022/entities/${X}/result`, auth)).data.history.map((h: HistoryPoint) => h.year);
    expect(await years(w.auth.office_head)).toEqual([2021, 2022, 2034]);
    expect(await years(w.auth.entity_official)).toEqual([2021, 2022]);
    expect(await years(null)).toEqual([2021, 2022]);
    const staff = json(await get(`/api/v1/cycles/2022/entities/${X}/result`, w.auth.central)).data.history;
    expect(staff.find((h: HistoryPoint) => h.year === 2034)).toMatchObject({ score: 90, category: 'A' });
  });

  it('has no explanation when only a published score is known', async () => {
    const body = json(await get('/api/v1/cycles/2021/entities/32.75/result')).data;
    expect(body).toMatchObject({ explanation: null, instrument: null, units: [] });
    expect(body.result).toMatchObject({ score: 70.5, category: null, zone: 'kuning', source: 'published' });
  });
});

describe('unit page', () => {
  it('lists every indicator with its answers and what it cost, adding up to the points the unit lost', async () => {
    const result = (await cycleResults(w.t.ctx, 2022, { entity: X })).results[0]!;
    const unit = result.units[2]!;
    const body = json(await get(`/api/v1/cycles/2022/units/${unit.id}`)).data;
    expect(body).toMatchObject({
      cycle: 2022,
      unit: { id: unit.id, name: unit.name },
      entity: { code: X },
      source: 'answers',
    });
    expect(body.score).toBe(unit.score);
    expect(body.dimensions).toEqual(unit.dimensions);
    const cost = body.indicators.reduce((s: number, i: { cost: number | null }) => s + (i.cost ?? 0), 0);
    expect(cost).toBeCloseTo(body.explanation.lost, 9);
    expect(100 - body.explanation.lost).toBeCloseTo(unit.score as number, 2);
    const interview = body.indicators.find((i: { method: string }) => i.method === 'service_user_interview');
    expect(interview.answers.length).toBeGreaterThan(1);
    for (const a of interview.answers)
      expect(a).toEqual({ respondent: expect.stringMatching(/^U\d+$/), value: expect.toBeOneOf([0, 1, 2, 3, null]) });
  });
});
