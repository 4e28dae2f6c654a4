/**
 * Objections (sanggahan) over HTTP with real sessions. A 2032 cycle with answers
 * for Kota Bekasi (X) goes to final, which opens the window; its official objects,
 * both sides write in the thread, the office head accepts with corrected answers
 * (the answers change, the audit holds them before and after, the results are
 * recomputed) or rejects (nothing changes); outside the window filing is a 409.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUnitAnswers } from '../../src/db/repos/answers.ts';
import { listAudit } from '../../src/db/repos/audit.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { importAnswers } from '../../src/services/imports/import-answers.ts';
import { createCycle } from '../../src/services/lifecycle/create-cycle.ts';
import { cycleResults } from '../../src/services/results/results.ts';
import { type Auth, buildWorld, type Call, json, send, type World, X } from '../helpers/api.ts';
import { csvFile } from '../helpers/files.ts';
import { oracleUnitScore, type RawAnswer } from '../helpers/oracle.ts';

const YEAR = 2032;
let SHA = '';
const ANSWERS: Array<[string, number]> = [
  ['PR.STD.01', 0],
  ['PR.STD.02', 1],
  ['PR.STD.03', 2],
  ['IN.SAR.04', 3],
  ['PGD.ADU.01', 1],
];

let w: World;
let unitId = 0;
const call = (auth: Auth | null, c: Call) => send(w.app, auth, c);
const get = (auth: Auth | null, url: string) => call(auth, { method: 'GET', url });
const post = (auth: Auth | null, url: string, body?: unknown) => call(auth, { method: 'POST', url, body: body ?? {} });
const listUrl = `/api/v1/cycles/${YEAR}/entities/${X}/objections`;
const entityResult = async () => (await cycleResults(w.t.ctx, YEAR, { entity: X })).results[0]!;

beforeAll(async () => {
  w = await buildWorld();
  await createCycle(w.t.ctx, SYSTEM, { year: YEAR, edition: 'pemda-2023', bandScheme: 'categories-2022' });
  const rows = [['entity', 'unit', 'indicator', 'respondent', 'value']];
  for (const [indicator, value] of ANSWERS) rows.push(['Kota Bekasi', 'DPMPTSP', indicator, '', String(value)]);
  await importAnswers(w.t.ctx, csvFile(rows, 'objections'), YEAR);
  unitId = (await entityResult()).units[0]!.id;
  const upload = { filename: 'foto.pdf', content: '%PDF-1.4 foto maklumat' };
  SHA = json(await send(w.app, w.auth.entity_official, { method: 'POST', url: '/api/v1/evidence', upload })).data
    .sha256;
});
afterAll(async () => w?.close());

async function moveTo(...statuses: string[]) {
  for (const to of statuses) {
    const res = await post(w.auth.central, `/api/v1/cycles/${YEAR}/transition`, { to });
    expect(res.statusCode, res.body).toBe(200);
  }
}

const cycleIdOf = async (year: number) =>
  (await w.t.ctx.db.selectFrom('cycles').select('id').where('code', '=', String(year)).executeTakeFirstOrThrow()).id;

describe('the objection window', () => {
  it('is closed before results go to the entity, and the official cannot see the cycle yet', async () => {
    expect((await get(w.auth.office_head, listUrl)).statusCode).toBe(200);
    expect(json(await get(w.auth.office_head, listUrl)).data.window).toMatchObject({ open: false, opensAt: null });
    expect((await get(w.auth.entity_official, listUrl)).statusCode).toBe(404);
  });

  it('opens when the cycle moves to final: the official sees its result and the window', async () => {
    await moveTo('fieldwork', 'review', 'final');
    const res = await get(w.auth.entity_official, listUrl);
    expect(res.statusCode, res.body).toBe(200);
    const { window } = json(res).data;
    expect(window).toMatchObject({ open: true, days: 14, reason: null });
    expect(Date.parse(window.closesAt) - Date.parse(window.opensAt)).toBe(14 * 86_400_000);
    expect((await get(w.auth.entity_official, `/api/v1/cycles/${YEAR}/entities/${X}/result`)).statusCode).toBe(200);
    expect((await get(null, `/api/v1/cycles/${YEAR}/results`)).statusCode).toBe(404); // still unpublished for the public
  });
});

describe('an objection', () => {
  let id = 0;

  it('is filed by the entity official for a unit and indicator, with a reason and evidence', async () => {
    const body = {
      unitId,
      indicator: 'PR.STD.01',
      reason: 'Maklumat pelayanan sudah dipasang sejak Juli',
      evidence: [SHA],
    };
    expect((await post(w.auth.office_head, listUrl, body)).statusCode).toBe(403);
    const res = await post(w.auth.entity_official, listUrl, body);
    expect(res.statusCode, res.body).toBe(201);
    const o = json(res).data;
    id = o.id;
    expect(o).toMatchObject({
      status: 'open',
      unit: { id: unitId, name: 'DPMPTSP' },
      indicator: { code: 'PR.STD.01', text: { id: expect.any(String) }, requirement: { id: expect.any(String) } },
      evidence: [SHA],
      answers: [{ respondent: '', value: 0 }],
      indicatorScore: 0,
      filedBy: { role: 'entity_official', side: 'entity' },
      decision: null,
      messages: [],
    });
    const twice = await post(w.auth.entity_official, listUrl, body);
    expect(twice.statusCode).toBe(409);
    expect(json(twice).error.details).toEqual({ objection: id });
  });

  it('checks what it is about', async () => {
    const file = async (body: unknown) => (await post(w.auth.entity_official, listUrl, body)).statusCode;
    expect(await file({ unitId: 999999, indicator: 'PR.STD.02', reason: 'x' })).toBe(400);
    expect(await file({ unitId, indicator: 'XX.YYY.01', reason: 'x' })).toBe(400);
    expect(await file({ unitId, indicator: 'OUT.MAL.06', reason: 'x' })).toBe(400); // ministries only
    expect(await file({ unitId, indicator: 'PR.STD.02', reason: ' ' })).toBe(400);
  });

  it('has a thread both sides write in and read', async () => {
    const asOffice = await post(w.auth.office_head, `/api/v1/objections/${id}/messages`, {
      body: 'Mohon kirim foto maklumat dengan tanggal',
    });
    expect(asOffice.statusCode, asOffice.body).toBe(201);
    await post(w.auth.entity_official, `/api/v1/objections/${id}/messages`, { body: 'Terlampir', evidence: [SHA] });
    for (const auth of [w.auth.entity_official, w.auth.office_head, w.auth.central]) {
      const o = json(await get(auth, `/api/v1/objections/${id}`)).data;
      expect(o.messages.map((m: { author: { side: string } }) => m.author.side)).toEqual(['ombudsman', 'entity']);
      expect(o.messages[1]).toMatchObject({ body: 'Terlampir', evidence: [SHA] });
    }
    expect((await get(null, `/api/v1/objections/${id}`)).statusCode).toBe(401);
    // the evidence is served to the office through the objection it is linked to
    expect((await get(w.auth.office_head, `/api/v1/evidence/${SHA}`)).statusCode).toBe(200);
  });

  it('accepted by the office head changes the answer, audits it, and recomputes the result', async () => {
    const before = await entityResult();
    const full = { answers: [{ respondent: '', value: 3 }], reason: 'x' };
    expect((await post(w.auth.assessor, `/api/v1/objections/${id}/accept`, full)).statusCode).toBe(403);
    expect((await post(w.auth.entity_official, `/api/v1/objections/${id}/accept`, full)).statusCode).toBe(403);
    const unknown = await post(w.auth.office_head, `/api/v1/objections/${id}/accept`, {
      answers: [{ respondent: 'P9', value: 3 }],
      reason: 'Terbukti',
    });
    expect(unknown.statusCode).toBe(400);

    const res = await post(w.auth.office_head, `/api/v1/objections/${id}/accept`, {
      answers: [{ respondent: '', value: 3 }],
      reason: 'Foto bertanggal membuktikan maklumat terpasang',
    });
    expect(res.statusCode, res.body).toBe(200);
    const o = json(res).data;
    expect(o).toMatchObject({ status: 'accepted', answers: [{ respondent: '', value: 3 }], indicatorScore: 100 });
    expect(o.decision).toMatchObject({ status: 'accepted', by: { role: 'office_head', side: 'ombudsman' } });

    // the answer itself changed, and says who changed it
    const stored = (await listUnitAnswers(w.t.ctx.db, await cycleIdOf(YEAR), unitId)).find(
      (a) => a.indicator === 'PR.STD.01',
    )!;
    expect(stored.value).toBe(3);
    expect(stored.answeredBy).toContain(`objection:${id}`);

    // results recomputed to the score the answers now give (independent oracle)
    const after = await entityResult();
    const answers: RawAnswer[] = ANSWERS.map(([indicator, value]) => ({
      unit: 'DPMPTSP',
      indicator,
      value: indicator === 'PR.STD.01' ? 3 : value,
    }));
    const instrument = w.t.ctx.catalog.editions.get('pemda-2023')!;
    expect(after.exactScore).toBeCloseTo(oracleUnitScore(instrument, answers), 9);
    expect(after.exactScore).toBeGreaterThan(before.exactScore);
    expect(o.decision.correction.entityScore).toEqual({
      before: { score: before.score, exact: before.exactScore, category: before.category },
      after: { score: after.score, exact: after.exactScore, category: after.category },
    });

    const entry = (await listAudit(w.t.ctx.db, { subject: `objection:${id}` }))[0]!;
    expect(entry).toMatchObject({
      action: 'objection.accept',
      before: { status: 'open', unit: unitId, indicator: 'PR.STD.01', answers: [{ respondent: '', value: 0 }] },
      after: { status: 'accepted', answers: [{ respondent: '', value: 3 }] },
    });
    expect((entry.before as { entityScore: { exact: number } }).entityScore.exact).toBe(before.exactScore);
    expect((entry.after as { entityScore: { exact: number } }).entityScore.exact).toBe(after.exactScore);

    const again = await post(w.auth.central, `/api/v1/objections/${id}/reject`, { reason: 'x' });
    expect(again.statusCode).toBe(409);
    expect((await post(w.auth.entity_official, `/api/v1/objections/${id}/messages`, { body: 'x' })).statusCode).toBe(
      409,
    );
  });

  it('rejected with reasons leaves answers and scores as they were', async () => {
    const filed = await post(w.auth.entity_official, listUrl, {
      unitId,
      indicator: 'PR.STD.02',
      reason: 'Prosedur sudah lengkap',
    });
    const rid = json(filed).data.id;
    const before = await entityResult();
    const answersBefore = await listUnitAnswers(w.t.ctx.db, await cycleIdOf(YEAR), unitId);
    const res = await post(w.auth.central, `/api/v1/objections/${rid}/reject`, { reason: 'Tidak ada bukti baru' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).data.decision).toMatchObject({
      status: 'rejected',
      reason: 'Tidak ada bukti baru',
      correction: null,
    });
    const after = await entityResult();
    expect(after.exactScore).toBe(before.exactScore);
    expect(await listUnitAnswers(w.t.ctx.db, await cycleIdOf(YEAR), unitId)).toEqual(answersBefore);
    const [entry] = await listAudit(w.t.ctx.db, { subject: `objection:${rid}` });
    expect(entry).toMatchObject({
      action: 'objection.reject',
      after: { status: 'rejected', reason: 'Tidak ada bukti baru' },
    });
    const list = json(await get(w.auth.entity_official, listUrl)).data.objections;
    expect(list.map((o: { status: string }) => o.status)).toEqual(['rejected', 'accepted']);
  });
});

describe('outside the window', () => {
  it('is a 409 OBJECTION_WINDOW_CLOSED once the days have passed', async () => {
    await w.t.ctx.db
      .updateTable('cycles')
      .set({ final_at: new Date(Date.now() - 15 * 86_400_000) })
      .where('year', '=', YEAR)
      .execute();
    const res = await post(w.auth.entity_official, listUrl, { unitId, indicator: 'PR.STD.03', reason: 'Terlambat' });
    expect(res.statusCode).toBe(409);
    expect(json(res).error).toMatchObject({ code: 'OBJECTION_WINDOW_CLOSED', details: { days: 14 } });
    expect(json(res).error.message).toContain('closed');
    expect(json(await get(w.auth.entity_official, listUrl)).data.window.open).toBe(false);
  });

  it('is a 409 for a cycle whose results never went to the entities as final, and a 400 without an instrument', async () => {
    const demo = await post(w.auth.entity_official, `/api/v1/cycles/2022/entities/${X}/objections`, {
      unitId,
      indicator: 'PR.STD.01',
      reason: 'x',
    });
    expect(demo.statusCode).toBe(409);
    expect(json(demo).error.code).toBe('OBJECTION_WINDOW_CLOSED');
    const history = await post(w.auth.entity_official, `/api/v1/cycles/2021/entities/${X}/objections`, {
      unitId,
      indicator: 'PR.STD.01',
      reason: 'x',
    });
    expect(history.statusCode).toBe(400);
  });
});
