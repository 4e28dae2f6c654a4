/**
 * The authorization matrix's rows for fieldwork (issue 4: assignments, sync,
 * verification, provisional results), with their fixtures; authz-matrix.test.ts
 * spreads them into its CASES and calls prepareFieldworkFixtures in its beforeAll.
 *
 * Fixtures: a 2061 cycle in fieldwork with units of X (province A) and Y (province
 * B); the matrix's assessor is assigned to X there (and, for the results rows, in
 * 2022 and 2031), an assessor of B to Y. Sheets of X, one per caller where an action
 * succeeds (a verified sheet cannot be verified again), and one of Y.
 */
import { expect } from 'vitest';
import { insertAssignment } from '../../src/db/repos/assignments.ts';
import { findCycleByYear } from '../../src/db/repos/cycles.ts';
import { findEntityByCode } from '../../src/db/repos/entities.ts';
import { createUser } from '../../src/services/auth/create-user.ts';
import { type Principal, SYSTEM } from '../../src/services/auth/principal.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { createAssignment } from '../../src/services/fieldwork/assignments.ts';
import { verifySubmission } from '../../src/services/fieldwork/review.ts';
import { syncSubmissions } from '../../src/services/fieldwork/sync.ts';
import { createCycle } from '../../src/services/lifecycle/create-cycle.ts';
import { transitionCycle } from '../../src/services/lifecycle/transition-cycle.ts';
import { addUnit } from '../../src/services/registry/manage-units.ts';
import { A, type Call, PASSWORD, WHO, type Who, X, Y, Z } from '../helpers/api.ts';
import { observationSheet } from '../helpers/fieldwork.ts';
import { type Row, row } from '../helpers/matrix.ts';

export interface FieldworkCase {
  route: string;
  note?: string;
  call: (who: Who) => Call;
  expect: Row;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body, asserted by the check
  check?: (who: Who, body: any) => void;
}

const YEAR = 2061;
const per = () => ({}) as Record<Who, string>;
const fx = {
  assessorId: 0,
  unitX: 0,
  unitY: 0,
  postUnit: {} as Record<Who, number>,
  spareAssignment: {} as Record<Who, number>,
  sheetX: '',
  sheetY: '',
  verify: per(),
  validate: per(),
  back: per(),
};

const assessorOf = (userId: number, province: string): Principal => ({
  kind: 'user',
  role: 'assessor',
  entityId: null,
  officeProvinceCode: province,
  userId,
  tokenId: null,
});

async function sheet(ctx: ServiceContext, p: Principal, unitId: number, respondent: string): Promise<string> {
  const s = observationSheet(unitId, 2, { respondent });
  const [r] = await syncSubmissions(ctx, p, [s]);
  if (r?.status !== 'stored') throw new Error(`fixture sheet not stored: ${JSON.stringify(r)}`);
  return s.id;
}

export async function prepareFieldworkFixtures(ctx: ServiceContext, assessorId: number): Promise<void> {
  fx.assessorId = assessorId;
  await createCycle(ctx, SYSTEM, { year: YEAR, edition: 'pemda-2023', bandScheme: 'categories-2022' });
  fx.unitX = (await addUnit(ctx, SYSTEM, YEAR, X, { name: 'Dinas X' })).id;
  fx.unitY = (await addUnit(ctx, SYSTEM, YEAR, Y, { name: 'Dinas Y' })).id;
  for (const who of WHO) {
    fx.postUnit[who] = (await addUnit(ctx, SYSTEM, YEAR, X, { name: `Assigned by ${who}` })).id;
    const spare = (await addUnit(ctx, SYSTEM, YEAR, X, { name: `Unassigned by ${who}` })).id;
    fx.spareAssignment[who] = (await createAssignment(ctx, SYSTEM, YEAR, { assessorId, entity: X, unitId: spare })).id;
  }
  await transitionCycle(ctx, SYSTEM, YEAR, 'fieldwork');
  const b = await createUser(ctx, SYSTEM, {
    email: 'assessor-of-b@test.id',
    role: 'assessor',
    password: PASSWORD,
    office: '74',
  });
  await createAssignment(ctx, SYSTEM, YEAR, { assessorId, entity: X });
  await createAssignment(ctx, SYSTEM, YEAR, { assessorId: b.id, entity: Y });
  // the matrix's assessor works on X in the cycles the results rows ask about too
  const x = await findEntityByCode(ctx.db, X);
  for (const year of [2022, 2031]) {
    const c = await findCycleByYear(ctx.db, year);
    if (!c || !x) throw new Error(`fixture: no ${year} cycle or no ${X}`);
    await insertAssignment(ctx.db, {
      cycleId: c.id,
      entityId: x.id,
      unitId: null,
      assessorId,
      assignedBy: 'cli',
      startsOn: null,
      endsOn: null,
    });
  }
  const a = assessorOf(assessorId, A);
  fx.sheetX = await sheet(ctx, a, fx.unitX, 'G');
  fx.sheetY = await sheet(ctx, assessorOf(b.id, '74'), fx.unitY, 'G');
  for (const who of WHO) {
    fx.verify[who] = await sheet(ctx, a, fx.unitX, `V-${who}`);
    fx.validate[who] = await sheet(ctx, a, fx.unitX, `L-${who}`);
    await verifySubmission(ctx, SYSTEM, fx.validate[who]);
    fx.back[who] = await sheet(ctx, a, fx.unitX, `R-${who}`);
  }
}

const get = (url: string) => () => ({ method: 'GET', url }) as Call;
const post = (url: (who: Who) => string, body: (who: Who) => unknown) => (who: Who) =>
  ({ method: 'POST', url: url(who), body: body(who) }) as Call;

//                                                                              adm  cen  head ass  off  anon tok
export const FIELDWORK_CASES: FieldworkCase[] = [
  {
    route: 'GET /api/v1/cycles/:year/entities/:code/units',
    note: 'Z in the draft 2031: the assessor is assigned X there, not Z',
    call: get(`/api/v1/cycles/2031/entities/${Z}/units`),
    expect: row(200, 200, 200, 403, 403, 401, 200),
  },
  {
    route: 'GET /api/v1/cycles/:year/results',
    note: 'fieldwork 2061: the assessor sees only X, where it is assigned',
    call: get(`/api/v1/cycles/${YEAR}/results?pageSize=500`),
    expect: row(200, 200, 200, 200, 404, 404, 200),
    check: (w, b) => {
      if (w === 'assessor') for (const r of b.data) expect(r.entity.code).toBe(X);
    },
  },
  {
    route: 'GET /api/v1/cycles/:year/assignments',
    call: get(`/api/v1/cycles/${YEAR}/assignments`),
    expect: row(200, 200, 200, 200, 403, 401, 200),
    check: (w, b) => {
      if (w === 'office_head' || w === 'token' || w === 'assessor')
        for (const a of b.data) expect(a.entity.code.startsWith(`${A}.`)).toBe(true);
    },
  },
  {
    route: 'POST /api/v1/cycles/:year/assignments',
    note: 'a unit of X to the assessor of A',
    call: post(
      () => `/api/v1/cycles/${YEAR}/assignments`,
      (who) => ({ assessorId: fx.assessorId, entity: X, unitId: fx.postUnit[who] }),
    ),
    expect: row(201, 201, 201, 403, 403, 401, 201),
  },
  {
    route: 'DELETE /api/v1/cycles/:year/assignments/:id',
    call: (who) => ({ method: 'DELETE', url: `/api/v1/cycles/${YEAR}/assignments/${fx.spareAssignment[who]}` }),
    expect: row(204, 204, 204, 403, 403, 401, 204),
  },
  {
    route: 'GET /api/v1/me/assignments',
    call: get('/api/v1/me/assignments'),
    expect: row(403, 403, 403, 200, 403, 401, 403),
  },
  {
    route: 'GET /api/v1/assessors',
    call: get('/api/v1/assessors'),
    expect: row(200, 200, 200, 403, 403, 401, 200),
  },
  {
    route: 'POST /api/v1/sync',
    call: post(
      () => '/api/v1/sync',
      (who) => ({ submissions: [observationSheet(fx.unitX, 1, { respondent: `S-${who}` })] }),
    ),
    expect: row(403, 403, 403, 200, 403, 401, 403),
    check: (_w, b) => expect(b.data.results[0].status).toBe('stored'),
  },
  {
    route: 'GET /api/v1/me/submissions',
    call: get('/api/v1/me/submissions'),
    expect: row(403, 403, 403, 200, 403, 401, 403),
  },
  {
    route: 'GET /api/v1/cycles/:year/submissions',
    call: get(`/api/v1/cycles/${YEAR}/submissions?pageSize=500`),
    expect: row(200, 200, 200, 200, 403, 401, 200),
    check: (w, b) => {
      const codes = new Set(b.data.map((s: { entity: { code: string } }) => s.entity.code));
      expect(codes.has(Y)).toBe(!['office_head', 'assessor', 'token'].includes(w));
      expect(codes.has(X)).toBe(true);
    },
  },
  {
    route: 'GET /api/v1/submissions/:id',
    note: 'a sheet of X',
    call: () => get(`/api/v1/submissions/${fx.sheetX}`)(),
    expect: row(200, 200, 200, 200, 403, 401, 200),
  },
  {
    route: 'GET /api/v1/submissions/:id',
    note: 'a sheet of Y, another province',
    call: () => get(`/api/v1/submissions/${fx.sheetY}`)(),
    expect: row(200, 200, 403, 403, 403, 401, 403),
  },
  {
    route: 'POST /api/v1/submissions/:id/verify',
    note: 'a submitted sheet of X',
    call: post(
      (who) => `/api/v1/submissions/${fx.verify[who]}/verify`,
      () => ({}),
    ),
    expect: row(200, 403, 200, 403, 403, 401, 200),
  },
  {
    route: 'POST /api/v1/submissions/:id/verify',
    note: 'a sheet of Y, another province',
    call: post(
      () => `/api/v1/submissions/${fx.sheetY}/verify`,
      () => ({}),
    ),
    expect: row(200, 403, 403, 403, 403, 401, 403),
  },
  {
    route: 'POST /api/v1/submissions/:id/validate',
    note: 'a verified sheet of X',
    call: post(
      (who) => `/api/v1/submissions/${fx.validate[who]}/validate`,
      () => ({}),
    ),
    expect: row(200, 200, 403, 403, 403, 401, 403),
  },
  {
    route: 'POST /api/v1/submissions/:id/return',
    note: 'a submitted sheet of X',
    call: post(
      (who) => `/api/v1/submissions/${fx.back[who]}/return`,
      () => ({ comments: [{ indicator: 'PR.STD.01', body: 'Periksa lagi.' }] }),
    ),
    expect: row(200, 200, 200, 403, 403, 401, 200),
  },
  {
    route: 'GET /api/v1/cycles/:year/entities/:code/provisional',
    note: 'X',
    call: get(`/api/v1/cycles/${YEAR}/entities/${X}/provisional`),
    expect: row(200, 200, 200, 200, 403, 401, 200),
    check: (_w, b) => expect(b.data.provisional).toBe(true),
  },
  {
    route: 'GET /api/v1/cycles/:year/entities/:code/provisional',
    note: 'Y, another province',
    call: get(`/api/v1/cycles/${YEAR}/entities/${Y}/provisional`),
    expect: row(200, 200, 403, 403, 403, 401, 403),
  },
];
