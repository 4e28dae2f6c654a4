/**
 * The authorization matrix's rows for linking and reading evidence across scopes
 * (issue 12, finding 5 and the audit-history scope of finding 9): knowing a hash
 * must not give access to a file. authz-matrix.test.ts spreads EVIDENCE_CASES into
 * its CASES and calls prepareEvidenceFixtures last in its beforeAll.
 *
 * Fixtures, all uploaded by the admin: per caller, a PDF linked to a unit of Y
 * (province B: cross-province) and one linked to a unit of Z in the draft 2031
 * (province A, another entity than X, where the matrix's assessor is not assigned:
 * cross-entity); one more of each for the reading rows. Per caller also a PDF it
 * uploaded itself, unlinked. A link that succeeds widens who sees that one file, so
 * every caller links its own copy.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { findCycleByYear } from '../../src/db/repos/cycles.ts';
import { findEntityByCode } from '../../src/db/repos/entities.ts';
import { listItems } from '../../src/db/repos/follow-up.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { type Auth, type Call, json, send, WHO, type Who, X, Z } from '../helpers/api.ts';
import { evidenceForm, pdf } from '../helpers/evidence.ts';
import { observationSheet } from '../helpers/fieldwork.ts';
import { type Row, row } from '../helpers/matrix.ts';

export interface EvidenceCase {
  route: string;
  note?: string;
  call: (who: Who) => Call;
  expect: Row;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body, asserted by the check
  check?: (who: Who, body: any) => void;
}

const per = () => ({}) as Record<Who, string>;
const fx = {
  unitZ: 0,
  unitY: 0,
  itemX: 0,
  objX: 0,
  sheetUnitX: 0,
  ofY: { followup: per(), objection: per(), sheet: per() },
  ofZ: { followup: per(), objection: per(), sheet: per() },
  own: { followup: per(), objection: per(), sheet: per() },
  readY: '',
  readZ: '',
};

async function upload(app: FastifyInstance, auth: Auth, seed: string, subject?: string): Promise<string> {
  const f = evidenceForm(pdf(seed), subject ? { fields: { subject } } : {});
  const res = await send(app, auth, { method: 'POST', url: '/api/v1/evidence', body: f.body, headers: f.headers });
  expect(res.statusCode, res.body).toBe(201);
  return json(res).data.sha256;
}

export async function prepareEvidenceFixtures(
  ctx: ServiceContext,
  app: FastifyInstance,
  auth: Record<Who, Auth | null>,
  unitY31: number,
): Promise<void> {
  const admin = auth.admin as Auth;
  const made = await send(app, admin, {
    method: 'POST',
    url: `/api/v1/cycles/2031/entities/${Z}/units`,
    body: { name: 'Dinas Z' },
  });
  expect(made.statusCode, made.body).toBe(201);
  fx.unitZ = json(made).data.id;
  fx.unitY = unitY31;
  const x = await findEntityByCode(ctx.db, X);
  const c22 = await findCycleByYear(ctx.db, 2022);
  const c36 = await findCycleByYear(ctx.db, 2036);
  const c61 = await findCycleByYear(ctx.db, 2061);
  if (!x || !c22 || !c36 || !c61) throw new Error('evidence fixtures: run after the follow-up and fieldwork ones');
  fx.itemX = (await listItems(ctx.db, c22.id, x.id))[0]?.id ?? 0;
  const obj = await ctx.db
    .selectFrom('objections')
    .select('id')
    .where('cycle_id', '=', c36.id)
    .where('entity_id', '=', x.id)
    .orderBy('id')
    .executeTakeFirst();
  fx.objX = obj?.id ?? 0;
  const unit = await ctx.db
    .selectFrom('units')
    .select('id')
    .where('cycle_id', '=', c61.id)
    .where('entity_id', '=', x.id)
    .where('name', '=', 'Dinas X')
    .executeTakeFirst();
  fx.sheetUnitX = unit?.id ?? 0;
  for (const kind of ['followup', 'objection', 'sheet'] as const) {
    for (const who of WHO) {
      fx.ofY[kind][who] = await upload(app, admin, `of Y, ${kind}, ${who}`, `unit:${fx.unitY}`);
      fx.ofZ[kind][who] = await upload(app, admin, `of Z, ${kind}, ${who}`, `unit:${fx.unitZ}`);
      const mine = auth[who];
      fx.own[kind][who] = mine ? await upload(app, mine, `own, ${kind}, ${who}`) : fx.ofY[kind][who];
    }
  }
  fx.readY = await upload(app, admin, 'read: of Y', `unit:${fx.unitY}`);
  fx.readZ = await upload(app, admin, 'read: of Z', `unit:${fx.unitZ}`);
  if ([fx.unitZ, fx.itemX, fx.objX, fx.sheetUnitX].includes(0)) throw new Error(`fixtures: ${JSON.stringify(fx)}`);
}

type Files = Record<'followup' | 'objection' | 'sheet', Record<Who, string>>;

const followUpLink = (files: () => Files) => (who: Who) =>
  ({
    method: 'PATCH',
    url: `/api/v1/follow-up/${fx.itemX}`,
    body: { status: 'in_progress', note: `evidence from ${who}`, evidence: [files().followup[who]] },
  }) as Call;

const messageLink = (files: () => Files) => (who: Who) =>
  ({
    method: 'POST',
    url: `/api/v1/objections/${fx.objX}/messages`,
    body: { body: `evidence from ${who}`, evidence: [files().objection[who]] },
  }) as Call;

const sheetLink = (files: () => Files) => (who: Who) => {
  const sheet = observationSheet(fx.sheetUnitX, 2, { respondent: `E-${who}-${Math.random().toString(36).slice(2)}` });
  const [first, ...rest] = sheet.items;
  sheet.items = [{ ...first!, evidence: [files().sheet[who]] }, ...rest];
  return { method: 'POST', url: '/api/v1/sync', body: { submissions: [sheet] } } as Call;
};

/** A sheet whose evidence the assessor may not link: rejected on its own, worded as for a hash never uploaded. */
function refusedSheet(who: Who, b: { data: { results: Array<{ status: string; error?: { code: string } }> } }): void {
  if (who !== 'assessor') return;
  expect(b.data.results[0]).toMatchObject({ status: 'rejected', error: { code: 'NOT_FOUND' } });
}

/**
 * A refused link reads exactly like a link to a hash that was never uploaded, and a
 * file out of scope exactly like one that does not exist (the matrix checks statuses).
 */
export async function expectRefusalsLikeMissing(app: FastifyInstance, head: Auth): Promise<void> {
  const never = 'e'.repeat(64);
  const link = (sha: string) =>
    send(app, head, {
      method: 'PATCH',
      url: `/api/v1/follow-up/${fx.itemX}`,
      body: { status: 'in_progress', note: 'probe', evidence: [sha] },
    });
  const refused = json(await link(fx.readY));
  const missing = json(await link(never));
  expect(refused.error.code).toBe('NOT_FOUND');
  expect(refused.error.message).toMatch(/upload the file first/);
  expect(refused.error.message.replace(fx.readY, 'H')).toBe(missing.error.message.replace(never, 'H'));
  const hidden = json(await send(app, head, { method: 'GET', url: `/api/v1/evidence/${fx.readY}` }));
  const unknown = json(await send(app, head, { method: 'GET', url: `/api/v1/evidence/${never}` }));
  expect(hidden.error.message.replace(fx.readY, 'H')).toBe(unknown.error.message.replace(never, 'H'));
}

const ofY = () => fx.ofY;
const ofZ = () => fx.ofZ;
const own = () => fx.own;
const get = (url: () => string) => () => ({ method: 'GET', url: url() }) as Call;

//                                                                              adm  cen  head ass  off  anon tok
export const EVIDENCE_CASES: EvidenceCase[] = [
  {
    route: 'PATCH /api/v1/follow-up/:id',
    note: 'an item of X with evidence the caller uploaded',
    call: followUpLink(own),
    expect: row(200, 200, 200, 200, 200, 401, 200),
  },
  {
    route: 'PATCH /api/v1/follow-up/:id',
    note: 'an item of X with evidence of a unit of Y (cross-province): a hash is not access',
    call: followUpLink(ofY),
    expect: row(200, 200, 404, 404, 404, 401, 404),
  },
  {
    route: 'PATCH /api/v1/follow-up/:id',
    note: 'an item of X with evidence of a unit of Z (cross-entity; the assessor is not assigned Z)',
    call: followUpLink(ofZ),
    expect: row(200, 200, 200, 404, 404, 401, 200),
  },
  {
    route: 'POST /api/v1/objections/:id/messages',
    note: 'an objection of X with evidence the caller uploaded',
    call: messageLink(own),
    expect: row(201, 201, 201, 201, 201, 401, 201),
  },
  {
    route: 'POST /api/v1/objections/:id/messages',
    note: 'an objection of X with evidence of a unit of Y (cross-province)',
    call: messageLink(ofY),
    expect: row(201, 201, 404, 404, 404, 401, 404),
  },
  {
    route: 'POST /api/v1/objections/:id/messages',
    note: 'an objection of X with evidence of a unit of Z (cross-entity)',
    call: messageLink(ofZ),
    expect: row(201, 201, 201, 404, 404, 401, 201),
  },
  {
    route: 'POST /api/v1/sync',
    note: 'a sheet of X with evidence the assessor uploaded',
    call: sheetLink(own),
    expect: row(403, 403, 403, 200, 403, 401, 403),
    check: (_w, b) => expect(b.data.results[0].status).toBe('stored'),
  },
  {
    route: 'POST /api/v1/sync',
    note: 'a sheet of X with evidence of a unit of Y (cross-province): that sheet is rejected, NOT_FOUND',
    call: sheetLink(ofY),
    expect: row(403, 403, 403, 200, 403, 401, 403),
    check: refusedSheet,
  },
  {
    route: 'POST /api/v1/sync',
    note: 'a sheet of X with evidence of a unit of Z, where the assessor is not assigned (cross-entity)',
    call: sheetLink(ofZ),
    expect: row(403, 403, 403, 200, 403, 401, 403),
    check: refusedSheet,
  },
  {
    route: 'GET /api/v1/evidence/:sha256',
    note: 'linked to a unit of Y (province B)',
    call: get(() => `/api/v1/evidence/${fx.readY}`),
    expect: row(200, 200, 404, 404, 404, 401, 404),
  },
  {
    route: 'GET /api/v1/evidence/:sha256',
    note: 'linked to a unit of Z in the draft 2031: the assessor is not assigned Z there',
    call: get(() => `/api/v1/evidence/${fx.readZ}`),
    expect: row(200, 200, 200, 404, 404, 401, 200),
  },
  {
    route: 'GET /api/v1/audit',
    note: 'a unit of Z in the draft 2031: 404 for the unassigned assessor',
    call: get(() => `/api/v1/audit?subject=unit:${fx.unitZ}`),
    expect: row(200, 200, 200, 404, 403, 401, 200),
    check: (_w, b) => {
      expect(b.data.length).toBeGreaterThan(0);
      for (const e of b.data) expect(e.subject).toBe(`unit:${fx.unitZ}`);
    },
  },
  {
    route: 'GET /api/v1/audit',
    note: 'a unit that does not exist: the same 404 as one out of scope',
    call: get(() => '/api/v1/audit?subject=unit:999999'),
    expect: row(200, 200, 404, 404, 403, 401, 404),
  },
];
