/**
 * The authorization matrix's rows for follow-up, mentoring and objections (issue 5
 * items 5 and 6), with their fixtures; authz-matrix.test.ts spreads them into its
 * CASES and calls prepareFollowUpFixtures in its beforeAll.
 *
 * Fixtures: follow-up items for X and Y in the published 2022 cycle; a 2036 cycle
 * moved to final (window open) with a unit for X and for Y and open objections on
 * them, one per caller where a decision succeeds (a decided objection is a 409).
 */

import { findEntityByCode } from '../../src/db/repos/entities.ts';
import { listItems } from '../../src/db/repos/follow-up.ts';
import { insertObjection } from '../../src/db/repos/objections.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { loadCycle } from '../../src/services/cycles.ts';
import { generateFollowUp } from '../../src/services/follow-up/generate.ts';
import { importAnswers } from '../../src/services/imports/import-answers.ts';
import { createCycle } from '../../src/services/lifecycle/create-cycle.ts';
import { transitionCycle } from '../../src/services/lifecycle/transition-cycle.ts';
import { cycleResults } from '../../src/services/results/results.ts';
import { A, type Call, WHO, type Who, X, Y } from '../helpers/api.ts';
import { csvFile } from '../helpers/files.ts';
import { type Row, row } from '../helpers/matrix.ts';

export interface FollowUpCase {
  route: string;
  note?: string;
  call: (who: Who) => Call;
  expect: Row;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body, asserted by the check
  check?: (who: Who, body: any) => void;
}

const FINAL_YEAR = 2036;
const fx = {
  itemX: 0,
  itemY: 0,
  unitX: 0,
  unitY: 0,
  objX: 0,
  objY: 0,
  /** per caller: an open objection each decision case may close */
  decide: {} as Record<'acceptX' | 'acceptY' | 'rejectX' | 'rejectY', Record<Who, number>>,
};

export async function prepareFollowUpFixtures(ctx: ServiceContext): Promise<void> {
  for (const code of [X, Y]) await generateFollowUp(ctx, SYSTEM, 2022, code);
  const cycle22 = await loadCycle(ctx, 2022);
  const entityX = (await findEntityByCode(ctx.db, X))!;
  const entityY = (await findEntityByCode(ctx.db, Y))!;
  fx.itemX = (await listItems(ctx.db, cycle22.id, entityX.id))[0]?.id ?? 0;
  fx.itemY = (await listItems(ctx.db, cycle22.id, entityY.id))[0]?.id ?? 0;

  await createCycle(ctx, SYSTEM, { year: FINAL_YEAR, edition: 'pemda-2023', bandScheme: 'categories-2022' });
  const rows = [['entity', 'unit', 'indicator', 'respondent', 'value']];
  for (const indicator of ['PR.STD.01', 'PR.STD.02', 'PGD.ADU.01']) {
    rows.push(['Kota Bekasi', 'Dinas X', indicator, '', '1'], ['Kota Kendari', 'Dinas Y', indicator, '', '1']);
  }
  await importAnswers(ctx, csvFile(rows, 'matrix-2036'), FINAL_YEAR);
  for (const to of ['fieldwork', 'review', 'final'] as const) await transitionCycle(ctx, SYSTEM, FINAL_YEAR, to);
  const results = (await cycleResults(ctx, FINAL_YEAR)).results;
  fx.unitX = results.find((r) => r.entity.code === X)?.units[0]?.id ?? 0;
  fx.unitY = results.find((r) => r.entity.code === Y)?.units[0]?.id ?? 0;

  const cycle = await loadCycle(ctx, FINAL_YEAR);
  const codes = cycle.instrument!.dimensions.flatMap((d) =>
    d.variables.flatMap((v) => v.indicators.map((i) => i.code)),
  );
  const used = { [entityX.id]: 0, [entityY.id]: 0 };
  const file = async (entityId: number, unitId: number): Promise<number> => {
    const indicator = codes[used[entityId]!++]!;
    const author = { actor: 'cli', userId: null, role: 'entity_official' };
    const id = await insertObjection(ctx.db, {
      cycleId: cycle.id,
      entityId,
      unitId,
      indicator,
      reason: 'matrix',
      evidence: [],
      author,
    });
    return id ?? 0;
  };
  fx.objX = await file(entityX.id, fx.unitX);
  fx.objY = await file(entityY.id, fx.unitY);
  for (const kind of ['acceptX', 'acceptY', 'rejectX', 'rejectY'] as const) {
    fx.decide[kind] = {} as Record<Who, number>;
    const [entityId, unitId] = kind.endsWith('X') ? [entityX.id, fx.unitX] : [entityY.id, fx.unitY];
    for (const who of WHO) fx.decide[kind][who] = await file(entityId, unitId);
  }
  const all = [fx.itemX, fx.itemY, fx.unitX, fx.unitY, fx.objX, fx.objY];
  for (const k of Object.values(fx.decide)) all.push(...Object.values(k));
  if (all.some((v) => v === 0)) throw new Error(`follow-up fixtures incomplete: ${JSON.stringify(fx)}`);
}

const get = (url: () => string) => () => ({ method: 'GET', url: url() }) as Call;
const post = (url: string, body: unknown): Call => ({ method: 'POST', url, body });
const mentoring = { date: '2023-03-01', topics: ['Standar pelayanan'], attendees: ['Kepala dinas'] };
const correction = { answers: [{ respondent: '', value: 3 }], reason: 'matrix' };

export const FOLLOW_UP_CASES: FollowUpCase[] = [
  //                                                                                adm  cen  head ass  off  anon tok
  {
    route: 'GET /api/v1/cycles/:year/entities/:code/follow-up',
    note: 'own entity X',
    call: get(() => `/api/v1/cycles/2022/entities/${X}/follow-up`),
    expect: row(200, 200, 200, 200, 200, 401, 200),
  },
  {
    route: 'GET /api/v1/cycles/:year/entities/:code/follow-up',
    note: 'Y, another province',
    call: get(() => `/api/v1/cycles/2022/entities/${Y}/follow-up`),
    expect: row(200, 200, 403, 403, 404, 401, 403),
  },
  {
    route: 'POST /api/v1/cycles/:year/entities/:code/follow-up/generate',
    note: 'X',
    call: () => post(`/api/v1/cycles/2022/entities/${X}/follow-up/generate`, {}),
    expect: row(200, 200, 200, 403, 403, 401, 200),
  },
  {
    route: 'POST /api/v1/cycles/:year/entities/:code/follow-up/generate',
    note: 'Y, another province',
    call: () => post(`/api/v1/cycles/2022/entities/${Y}/follow-up/generate`, {}),
    expect: row(200, 200, 403, 403, 403, 401, 403),
  },
  {
    route: 'PATCH /api/v1/follow-up/:id',
    note: 'an item of X',
    call: (w) => ({ method: 'PATCH', url: `/api/v1/follow-up/${fx.itemX}`, body: { status: 'in_progress', note: w } }),
    expect: row(200, 200, 200, 200, 200, 401, 200),
  },
  {
    route: 'PATCH /api/v1/follow-up/:id',
    note: 'an item of Y',
    call: (w) => ({ method: 'PATCH', url: `/api/v1/follow-up/${fx.itemY}`, body: { status: 'in_progress', note: w } }),
    expect: row(200, 200, 403, 403, 404, 401, 403),
  },
  {
    route: 'GET /api/v1/cycles/:year/entities/:code/mentoring',
    note: 'X',
    call: get(() => `/api/v1/cycles/2022/entities/${X}/mentoring`),
    expect: row(200, 200, 200, 200, 200, 401, 200),
  },
  {
    route: 'GET /api/v1/cycles/:year/entities/:code/mentoring',
    note: 'Y, another province',
    call: get(() => `/api/v1/cycles/2022/entities/${Y}/mentoring`),
    expect: row(200, 200, 403, 403, 404, 401, 403),
  },
  {
    route: 'POST /api/v1/cycles/:year/entities/:code/mentoring',
    note: 'X',
    call: () => post(`/api/v1/cycles/2022/entities/${X}/mentoring`, mentoring),
    expect: row(201, 201, 201, 201, 403, 401, 201),
  },
  {
    route: 'POST /api/v1/cycles/:year/entities/:code/mentoring',
    note: 'Y, another province',
    call: () => post(`/api/v1/cycles/2022/entities/${Y}/mentoring`, mentoring),
    expect: row(201, 201, 403, 403, 403, 401, 403),
  },
  {
    route: 'GET /api/v1/cycles/:year/follow-up/progress',
    call: get(() => '/api/v1/cycles/2022/follow-up/progress?pageSize=500'),
    expect: row(200, 200, 200, 200, 403, 401, 200),
    check: (w, b) => {
      const provinces = b.data.map((r: { entity: { provinceCode: string } }) => r.entity.provinceCode);
      if (w === 'office_head' || w === 'assessor' || w === 'token')
        for (const p of provinces) if (p !== A) throw new Error(`saw province ${p}`);
      if (provinces.length === 0) throw new Error('no progress rows');
    },
  },

  {
    route: 'GET /api/v1/cycles/:year/entities/:code/objections',
    note: 'X in the final cycle: its official sees it',
    call: get(() => `/api/v1/cycles/${FINAL_YEAR}/entities/${X}/objections`),
    expect: row(200, 200, 200, 200, 200, 401, 200),
  },
  {
    route: 'GET /api/v1/cycles/:year/entities/:code/objections',
    note: 'Y, another province',
    call: get(() => `/api/v1/cycles/${FINAL_YEAR}/entities/${Y}/objections`),
    expect: row(200, 200, 403, 403, 404, 401, 403),
  },
  {
    route: 'POST /api/v1/cycles/:year/entities/:code/objections',
    note: 'X: its official only',
    call: () =>
      post(`/api/v1/cycles/${FINAL_YEAR}/entities/${X}/objections`, {
        unitId: fx.unitX,
        indicator: 'PGD.ADU.05',
        reason: 'matrix',
      }),
    expect: row(403, 403, 403, 403, 201, 401, 403),
  },
  {
    route: 'POST /api/v1/cycles/:year/entities/:code/objections',
    note: 'Y: not the official of X',
    call: () =>
      post(`/api/v1/cycles/${FINAL_YEAR}/entities/${Y}/objections`, {
        unitId: fx.unitY,
        indicator: 'PGD.ADU.05',
        reason: 'matrix',
      }),
    expect: row(403, 403, 403, 403, 404, 401, 403),
  },
  {
    route: 'GET /api/v1/objections/:id',
    note: 'an objection of X',
    call: get(() => `/api/v1/objections/${fx.objX}`),
    expect: row(200, 200, 200, 200, 200, 401, 200),
  },
  {
    route: 'GET /api/v1/objections/:id',
    note: 'an objection of Y',
    call: get(() => `/api/v1/objections/${fx.objY}`),
    expect: row(200, 200, 403, 403, 404, 401, 403),
  },
  {
    route: 'POST /api/v1/objections/:id/messages',
    note: 'an objection of X: both sides',
    call: (w) => post(`/api/v1/objections/${fx.objX}/messages`, { body: `from ${w}` }),
    expect: row(201, 201, 201, 201, 201, 401, 201),
  },
  {
    route: 'POST /api/v1/objections/:id/messages',
    note: 'an objection of Y',
    call: (w) => post(`/api/v1/objections/${fx.objY}/messages`, { body: `from ${w}` }),
    expect: row(201, 201, 403, 403, 404, 401, 403),
  },
  {
    route: 'POST /api/v1/objections/:id/accept',
    note: 'X: office head of the province, central',
    call: (w) => post(`/api/v1/objections/${fx.decide.acceptX[w]}/accept`, correction),
    expect: row(200, 200, 200, 403, 403, 401, 200),
  },
  {
    route: 'POST /api/v1/objections/:id/accept',
    note: 'Y, another province',
    call: (w) => post(`/api/v1/objections/${fx.decide.acceptY[w]}/accept`, correction),
    expect: row(200, 200, 403, 403, 403, 401, 403),
  },
  {
    route: 'POST /api/v1/objections/:id/reject',
    note: 'X',
    call: (w) => post(`/api/v1/objections/${fx.decide.rejectX[w]}/reject`, { reason: 'matrix' }),
    expect: row(200, 200, 200, 403, 403, 401, 200),
  },
  {
    route: 'POST /api/v1/objections/:id/reject',
    note: 'Y, another province',
    call: (w) => post(`/api/v1/objections/${fx.decide.rejectY[w]}/reject`, { reason: 'matrix' }),
    expect: row(200, 200, 403, 403, 403, 401, 403),
  },
];
