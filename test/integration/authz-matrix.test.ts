/**
 * The authorization matrix: every route the server registers × every kind of
 * caller, with the status each must get. A route without a row here fails the
 * test, so no endpoint ships without a decision about who may use it. Rows cover
 * cross-entity (the official of X asking for Y and Z) and cross-province (office A
 * asking for Y in province B) attempts; a refused request carries an error and never data.
 */
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/services/auth/create-user.ts';
import { createToken } from '../../src/services/auth/manage-tokens.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { importAnswers } from '../../src/services/imports/import-answers.ts';
import { createCycle } from '../../src/services/lifecycle/create-cycle.ts';
import { addUnit } from '../../src/services/registry/manage-units.ts';
import { cycleResults } from '../../src/services/results/results.ts';
import { type Auth, buildWorld, json, PASSWORD, send, signIn, WHO, type World, X, Y } from '../helpers/api.ts';
import { csvFile } from '../helpers/files.ts';
import { ANSWERS_2031, type Case, CORE_CASES, ids, LOGOUT_CASES } from './authz-matrix-core.ts';
import { EVIDENCE_CASES, expectRefusalsLikeMissing, prepareEvidenceFixtures } from './authz-matrix-evidence.ts';
import { FIELDWORK_CASES, prepareFieldworkFixtures } from './authz-matrix-fieldwork.ts';
import { FOLLOW_UP_CASES, prepareFollowUpFixtures } from './authz-matrix-followup.ts';
import { METHOD_CASES, prepareMethodFixtures } from './authz-matrix-method.ts';
import { prepareRecordsFixtures, RECORDS_CASES } from './authz-matrix-records.ts';
import { REPORTS_CASES } from './authz-matrix-reports.ts';

const CASES: Case[] = [
  ...CORE_CASES,
  ...FOLLOW_UP_CASES,
  ...FIELDWORK_CASES,
  ...RECORDS_CASES,
  ...EVIDENCE_CASES,
  ...REPORTS_CASES,
  ...METHOD_CASES,
  ...LOGOUT_CASES,
];

let w: World;
const registered = new Set<string>();

beforeAll(async () => {
  w = await buildWorld({
    onRoute: (r: RouteOptions) => {
      for (const m of [r.method].flat()) if (m !== 'HEAD') registered.add(`${m} ${r.url}`);
    },
  });
  const { ctx } = w.t;
  const r22 = (await cycleResults(ctx, 2022)).results;
  ids.unitX22 = r22.find((r) => r.entity.code === X)?.units[0]?.id ?? 0;
  ids.unitY22 = r22.find((r) => r.entity.code === Y)?.units[0]?.id ?? 0;
  await createCycle(ctx, SYSTEM, { year: 2031, edition: 'pemda-2023', bandScheme: 'categories-2022' });
  await importAnswers(
    ctx,
    csvFile(
      ANSWERS_2031('Dinas X')
        .trim()
        .split('\n')
        .map((l) => l.split(',')),
      'x2031',
    ),
    2031,
  );
  ids.unitX31 = (await cycleResults(ctx, 2031)).results[0]?.units[0]?.id ?? 0;
  ids.unitY31 = (await addUnit(ctx, SYSTEM, 2031, Y, { name: 'Dinas Y' })).id;
  for (const year of [2050, 2051])
    await createCycle(ctx, SYSTEM, { year, edition: 'pemda-2023', bandScheme: 'categories-2022' });
  ids.spareUser = (await createUser(ctx, SYSTEM, { email: 'spare@test.id', role: 'central', password: PASSWORD })).id;
  for (const who of WHO) {
    ids.spareTokens[who] = (
      await createToken(ctx, SYSTEM, { name: `spare ${who}`, ownerId: w.users.admin.id })
    ).view.id;
  }
  await prepareFollowUpFixtures(ctx);
  await prepareMethodFixtures(ctx);
  await prepareFieldworkFixtures(ctx, w.users.assessor.id);
  await prepareRecordsFixtures(w.app, w.auth.admin as Auth, { x: ids.unitX31, y: ids.unitY31 });
  await prepareEvidenceFixtures(ctx, w.app, w.auth, ids.unitY31);
  expect(Object.values(ids).every((v) => v !== 0)).toBe(true);
});
afterAll(async () => w?.close());

describe('authorization matrix', () => {
  it('has a row for every registered route, and no row for a route that does not exist', () => {
    const covered = new Set(CASES.map((c) => c.route));
    expect([...registered].filter((r) => !covered.has(r)).sort()).toEqual([]);
    expect([...covered].filter((r) => !registered.has(r)).sort()).toEqual([]);
  });

  it('gives every caller exactly the expected status, and a refusal never carries data', async () => {
    const failures: string[] = [];
    for (const c of CASES) {
      for (const who of WHO) {
        let auth: Auth | null = w.auth[who];
        if (c.fresh && auth?.cookies) auth = await signIn(w.app, `${who}@test.id`);
        const call = c.call(who);
        const res = await send(w.app, auth, call);
        const label = `${call.method} ${call.url}${c.note ? ` (${c.note})` : ''} as ${who}`;
        if (res.statusCode !== c.expect[who]) {
          failures.push(`${label}: ${res.statusCode}, expected ${c.expect[who]} — ${res.body.slice(0, 160)}`);
          continue;
        }
        if (res.statusCode >= 400) {
          const body = json(res);
          if (!body.error?.code || 'data' in body)
            failures.push(`${label}: a refusal must be {error} only — ${res.body.slice(0, 160)}`);
        } else if (c.check && res.statusCode < 300) {
          try {
            c.check(who, json(res));
          } catch (e) {
            failures.push(`${label}: ${(e as Error).message}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers a link to a file out of scope as a link to a hash never uploaded', async () => {
    await expectRefusalsLikeMissing(w.app, await signIn(w.app, 'office_head@test.id')); // after logout-all
  });

  it('answers an entity official the same for an entity outside its scope as for one that does not exist', async () => {
    const official = await signIn(w.app, 'entity_official@test.id'); // the matrix ended with logout-all
    const other = json(await send(w.app, official, { method: 'GET', url: `/api/v1/cycles/2022/entities/${Y}/result` }));
    const none = json(await send(w.app, official, { method: 'GET', url: '/api/v1/cycles/2022/entities/99.99/result' }));
    expect(other.error.code).toBe(none.error.code);
    expect(other.error.message.replace(Y, '?')).toBe(none.error.message.replace('99.99', '?'));
    const draft = json(await send(w.app, null, { method: 'GET', url: '/api/v1/cycles/2031/results' }));
    const missing = json(await send(w.app, null, { method: 'GET', url: '/api/v1/cycles/2099/results' }));
    expect(draft.error.message.replace('2031', '?')).toBe(missing.error.message.replace('2099', '?'));
    expect(draft.error.message).not.toContain('2031,');
  });
});
