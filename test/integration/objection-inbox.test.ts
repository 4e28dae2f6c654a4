/**
 * The objection inbox (GET /api/v1/cycles/:year/objections): a cycle's objections
 * across the entities in the caller's scope, open ones first, filtered by status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEntityByCode } from '../../src/db/repos/entities.ts';
import { decideObjection, insertObjection } from '../../src/db/repos/objections.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { loadCycle } from '../../src/services/cycles.ts';
import { importAnswers } from '../../src/services/imports/import-answers.ts';
import { createCycle } from '../../src/services/lifecycle/create-cycle.ts';
import { transitionCycle } from '../../src/services/lifecycle/transition-cycle.ts';
import { cycleResults } from '../../src/services/results/results.ts';
import { buildWorld, json, send, type World, X, Y } from '../helpers/api.ts';
import { csvFile } from '../helpers/files.ts';

const YEAR = 2037;
let w: World;
const ids: Record<string, number> = {};

beforeAll(async () => {
  w = await buildWorld();
  const { ctx } = w.t;
  await createCycle(ctx, SYSTEM, { year: YEAR, edition: 'pemda-2023', bandScheme: 'categories-2022' });
  const rows = [['entity', 'unit', 'indicator', 'respondent', 'value']];
  for (const indicator of ['PR.STD.01', 'PR.STD.02']) {
    rows.push(['Kota Bekasi', 'Dinas X', indicator, '', '1'], ['Kota Kendari', 'Dinas Y', indicator, '', '1']);
  }
  await importAnswers(ctx, csvFile(rows, 'inbox'), YEAR);
  for (const to of ['fieldwork', 'review', 'final'] as const) await transitionCycle(ctx, SYSTEM, YEAR, to);
  const cycle = await loadCycle(ctx, YEAR);
  const results = (await cycleResults(ctx, YEAR)).results;
  const author = { actor: 'cli', userId: null, role: 'entity_official' };
  for (const [code, key] of [
    [X, 'x'],
    [Y, 'y'],
  ] as const) {
    const entity = (await findEntityByCode(ctx.db, code))!;
    const unitId = results.find((r) => r.entity.code === code)!.units[0]!.id;
    for (const indicator of ['PR.STD.01', 'PR.STD.02']) {
      ids[`${key}-${indicator}`] =
        (await insertObjection(ctx.db, {
          cycleId: cycle.id,
          entityId: entity.id,
          unitId,
          indicator,
          reason: `objection ${key} ${indicator}`,
          evidence: [],
          author,
        })) ?? 0;
    }
  }
  // the first objection of X is decided: it goes after the open ones
  const decided = await decideObjection(ctx.db, ids['x-PR.STD.01']!, {
    status: 'rejected',
    reason: 'no evidence',
    author: { actor: 'cli', userId: null, role: 'central' },
    correction: null,
  });
  expect(decided).toBeTruthy();
});
afterAll(async () => w?.close());

const inbox = async (who: keyof World['auth'], query = '') => {
  const res = await send(w.app, w.auth[who], { method: 'GET', url: `/api/v1/cycles/${YEAR}/objections${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return json(res) as { data: Array<{ id: number; status: string; entity: { code: string } }>; total: number };
};

describe('the objection inbox', () => {
  it('lists the objections in scope, open ones first', async () => {
    const all = await inbox('central');
    expect(all.total).toBe(4);
    expect(all.data.map((o) => o.status)).toEqual(['open', 'open', 'open', 'rejected']);
    expect(all.data.at(-1)?.id).toBe(ids['x-PR.STD.01']);
    const office = await inbox('office_head');
    expect(office.data.map((o) => o.entity.code)).toEqual([X, X]);
    const official = await inbox('entity_official');
    expect(official.data.every((o) => o.entity.code === X)).toBe(true);
  });

  it('filters by status', async () => {
    const open = await inbox('central', '?status=open');
    expect([open.total, open.data.every((o) => o.status === 'open')]).toEqual([3, true]);
    expect((await inbox('office_head', '?status=rejected')).data.map((o) => o.id)).toEqual([ids['x-PR.STD.01']]);
    const bad = await send(w.app, w.auth.central, {
      method: 'GET',
      url: `/api/v1/cycles/${YEAR}/objections?status=maybe`,
    });
    expect(bad.statusCode).toBe(400);
  });
});
