/**
 * Follow-up (tindak lanjut) over HTTP with real sessions: items made from the
 * costliest indicators (on demand and when a cycle is published), the entity's
 * official updating them, the regional office logging mentoring, the progress views,
 * and the scope (another entity's official gets 404, another province's office 403).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/db/repos/audit.ts';
import { selectFindings } from '../../src/domain/report/card.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { importAnswers } from '../../src/services/imports/import-answers.ts';
import { createCycle } from '../../src/services/lifecycle/create-cycle.ts';
import { explainEntity } from '../../src/services/results/explain.ts';
import { type Auth, buildWorld, type Call, json, send, type World, X, Y } from '../helpers/api.ts';
import { csvFile } from '../helpers/files.ts';

let w: World;
let SHA = '';
const call = (auth: Auth | null, c: Call) => send(w.app, auth, c);
const get = (auth: Auth | null, url: string) => call(auth, { method: 'GET', url });
const post = (auth: Auth | null, url: string, body?: unknown) => call(auth, { method: 'POST', url, body: body ?? {} });
const patch = (auth: Auth | null, url: string, body: unknown) => call(auth, { method: 'PATCH', url, body });

beforeAll(async () => {
  w = await buildWorld();
  const upload = { filename: 'maklumat.pdf', content: '%PDF-1.4 maklumat pelayanan' };
  const res = await send(w.app, w.auth.entity_official, { method: 'POST', url: '/api/v1/evidence', upload });
  SHA = json(res).data.sha256;
});
afterAll(async () => w?.close());

describe('follow-up items', () => {
  it('are made from the costliest indicators, each with its requirement, once', async () => {
    const x = await explainEntity(w.t.ctx, 2022, X);
    const instrument = x.instrument!;
    const expected = selectFindings(instrument, x.explanation!, 10);
    expect(expected).toHaveLength(10);
    // the findings are the top of the explanation's costliest list, among indicators that cost something
    const costly = x.explanation!.costliest.filter((c) => c.score !== null && c.cost > 0).slice(0, 10);
    expect(expected.map((f) => f.indicator)).toEqual(costly.map((c) => c.code));

    const res = await post(w.auth.central, `/api/v1/cycles/2022/entities/${X}/follow-up/generate`);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).data).toEqual({ created: 10, items: 10, explained: true });
    const again = await post(w.auth.office_head, `/api/v1/cycles/2022/entities/${X}/follow-up/generate`);
    expect(json(again).data).toEqual({ created: 0, items: 10, explained: true });

    const view = json(await get(w.auth.entity_official, `/api/v1/cycles/2022/entities/${X}/follow-up`)).data;
    expect(view.items.map((i: { indicator: string }) => i.indicator)).toEqual(costly.map((c) => c.code));
    const first = view.items[0];
    const def = instrument.dimensions
      .flatMap((d) => d.variables.flatMap((v) => v.indicators))
      .find((i) => i.code === first.indicator)!;
    expect(first).toMatchObject({ rank: 1, status: 'open', title: def.text.id, requirement: def.requirement.id });
    expect(first.cost).toBeCloseTo(costly[0]!.cost, 9);
    expect(view.summary).toMatchObject({ total: 10, open: 10, done: 0, percentDone: 0, mentoringSessions: 0 });
    expect(view.history.map((h: { year: number }) => h.year)).toContain(2022);
  });

  it('are refused to the public, to assessors for generation, and before publication', async () => {
    expect((await get(null, `/api/v1/cycles/2022/entities/${X}/follow-up`)).statusCode).toBe(401);
    expect((await post(w.auth.assessor, `/api/v1/cycles/2022/entities/${X}/follow-up/generate`)).statusCode).toBe(403);
    await createCycle(w.t.ctx, SYSTEM, { year: 2037, edition: 'pemda-2023', bandScheme: 'categories-2022' });
    const res = await post(w.auth.central, `/api/v1/cycles/2037/entities/${X}/follow-up/generate`);
    expect(res.statusCode).toBe(409);
    expect(json(res).error.message).toContain('published');
  });

  it('are made for every entity when a cycle is published, as many as the cycle says', async () => {
    await createCycle(w.t.ctx, SYSTEM, {
      year: 2033,
      edition: 'pemda-2023',
      bandScheme: 'categories-2022',
      settings: { followUpItems: 3 },
    });
    const values: Array<[string, number]> = [
      ['PR.STD.01', 0],
      ['PR.STD.02', 1],
      ['PR.STD.03', 2],
      ['PR.STD.04', 3],
      ['PGD.ADU.01', 1],
      ['IN.SAR.04', 3],
    ];
    const rows = [['entity', 'unit', 'indicator', 'respondent', 'value']];
    for (const [indicator, value] of values) rows.push(['Kota Bekasi', 'DPMPTSP', indicator, '', String(value)]);
    await importAnswers(w.t.ctx, csvFile(rows, 'followup-2033'), 2033);
    for (const to of ['fieldwork', 'review', 'final', 'published']) {
      const res = await post(w.auth.central, '/api/v1/cycles/2033/transition', { to });
      expect(res.statusCode, res.body).toBe(200);
    }
    const view = json(await get(w.auth.entity_official, `/api/v1/cycles/2033/entities/${X}/follow-up`)).data;
    const x = await explainEntity(w.t.ctx, 2033, X);
    const costly = x.explanation!.costliest.filter((c) => c.score !== null && c.cost > 0).slice(0, 3);
    expect(view.items.map((i: { indicator: string }) => i.indicator)).toEqual(costly.map((c) => c.code));
    expect(view.items.map((i: { indicator: string }) => i.indicator)).not.toContain('PR.STD.04'); // scored 100: no cost
    const audit = await listAudit(w.t.ctx.db, { subject: 'cycle:2033' });
    expect(audit.find((a) => a.action === 'followup.generate')?.after).toEqual({ entities: 1, items: 3 });
  });
});

describe('working on follow-up', () => {
  let itemId = 0;

  it('lets the entity official move an item with a note and evidence, kept as its history and audited', async () => {
    const view = json(await get(w.auth.entity_official, `/api/v1/cycles/2022/entities/${X}/follow-up`)).data;
    itemId = view.items[0].id;
    const started = await patch(w.auth.entity_official, `/api/v1/follow-up/${itemId}`, {
      status: 'in_progress',
      note: 'Maklumat pelayanan sedang dicetak',
      evidence: [SHA],
      dueDate: '2023-06-30',
    });
    expect(started.statusCode, started.body).toBe(200);
    expect(json(started).data).toMatchObject({ status: 'in_progress', dueDate: '2023-06-30' });
    const done = await patch(w.auth.entity_official, `/api/v1/follow-up/${itemId}`, {
      status: 'done',
      note: 'Maklumat dipasang di semua loket',
    });
    const item = json(done).data;
    expect(item.status).toBe('done');
    expect(item.dueDate).toBe('2023-06-30');
    expect(item.updates.map((u: { status: string }) => u.status)).toEqual(['in_progress', 'done']);
    expect(item.updates[0]).toMatchObject({
      evidence: [SHA],
      author: { name: expect.any(String), role: 'entity_official', side: 'entity' },
    });
    const audit = await listAudit(w.t.ctx.db, { subject: `followup:${itemId}` });
    expect(audit.find((a) => a.action === 'evidence.link')?.after).toMatchObject({ evidence: SHA });
    expect(audit[0]).toMatchObject({
      action: 'followup.update',
      before: { status: 'in_progress', dueDate: '2023-06-30' },
      after: { status: 'done', note: 'Maklumat dipasang di semua loket' },
    });
  });

  it('serves the evidence to those who may see the item', async () => {
    const res = await get(w.auth.office_head, `/api/v1/evidence/${SHA}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('maklumat pelayanan');
  });

  it('checks the update', async () => {
    const bad = async (body: unknown) =>
      (await patch(w.auth.entity_official, `/api/v1/follow-up/${itemId}`, body)).statusCode;
    expect(await bad({ status: 'finished', note: 'x' })).toBe(400);
    expect(await bad({ status: 'done', note: '  ' })).toBe(400);
    expect(await bad({ status: 'done', note: 'x', evidence: ['not-a-hash'] })).toBe(400);
    const never = await patch(w.auth.entity_official, `/api/v1/follow-up/${itemId}`, {
      status: 'done',
      note: 'x',
      evidence: ['ef'.repeat(32)],
    });
    expect(never.statusCode).toBe(404); // upload it first
    expect(json(never).error.details).toEqual({ missing: ['ef'.repeat(32)] });
    expect(await bad({ status: 'done', note: 'x', dueDate: '2023-02-30' })).toBe(400);
    expect(
      (await patch(w.auth.entity_official, '/api/v1/follow-up/999999', { status: 'done', note: 'x' })).statusCode,
    ).toBe(404);
  });

  it('lets the regional office log mentoring sessions linked to items, and not the entity', async () => {
    const body = {
      date: '2023-02-14',
      topics: ['Standar pelayanan', 'Pengelolaan pengaduan'],
      attendees: ['Kepala DPMPTSP', 'Asisten Ombudsman'],
      notes: 'Pendampingan penyusunan maklumat',
      items: [itemId],
    };
    const res = await post(w.auth.office_head, `/api/v1/cycles/2022/entities/${X}/mentoring`, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res).data).toMatchObject({
      date: '2023-02-14',
      topics: body.topics,
      attendees: body.attendees,
      items: [{ id: itemId }],
      loggedBy: { role: 'office_head', side: 'ombudsman' },
    });
    expect(
      (await post(w.auth.assessor, `/api/v1/cycles/2022/entities/${X}/mentoring`, { ...body, items: [] })).statusCode,
    ).toBe(201);
    expect((await post(w.auth.entity_official, `/api/v1/cycles/2022/entities/${X}/mentoring`, body)).statusCode).toBe(
      403,
    );
    const foreign = await post(w.auth.central, `/api/v1/cycles/2022/entities/${X}/mentoring`, {
      ...body,
      items: [999999],
    });
    expect(foreign.statusCode).toBe(400);
    const list = json(await get(w.auth.entity_official, `/api/v1/cycles/2022/entities/${X}/mentoring`)).data;
    expect(list).toHaveLength(2);
  });

  it('shows the progress to the entity and, per entity, to the office', async () => {
    const view = json(await get(w.auth.entity_official, `/api/v1/cycles/2022/entities/${X}/follow-up`)).data;
    expect(view.summary).toMatchObject({
      total: 10,
      open: 9,
      inProgress: 0,
      done: 1,
      percentDone: 10,
      mentoringSessions: 2,
    });
    expect(Date.parse(view.summary.lastActivityAt)).toBeGreaterThan(Date.now() - 60_000);

    await post(w.auth.central, `/api/v1/cycles/2022/entities/${Y}/follow-up/generate`);
    const office = json(await get(w.auth.office_head, '/api/v1/cycles/2022/follow-up/progress')).data;
    expect(office.map((r: { entity: { code: string } }) => r.entity.code)).toEqual([X]); // Y is another province
    expect(office[0]).toMatchObject({
      total: 10,
      done: 1,
      percentDone: 10,
      mentoringSessions: 2,
      category: expect.any(String),
    });
    const central = json(await get(w.auth.central, '/api/v1/cycles/2022/follow-up/progress?pageSize=1'));
    expect(central.page).toEqual({ page: 1, pageSize: 1, total: 2 });
    expect(central.data[0].entity.code).toBe(Y); // least done first
    expect((await get(w.auth.entity_official, '/api/v1/cycles/2022/follow-up/progress')).statusCode).toBe(403);
  });

  it('hides another entity from an official (404) and another province from an office (403)', async () => {
    const itemY = json(await get(w.auth.central, `/api/v1/cycles/2022/entities/${Y}/follow-up`)).data.items[0].id;
    const official = w.auth.entity_official;
    expect((await get(official, `/api/v1/cycles/2022/entities/${Y}/follow-up`)).statusCode).toBe(404);
    expect((await get(official, `/api/v1/cycles/2022/entities/${Y}/mentoring`)).statusCode).toBe(404);
    const res = await patch(official, `/api/v1/follow-up/${itemY}`, { status: 'done', note: 'bukan milik kami' });
    expect(res.statusCode).toBe(404);
    const none = await patch(official, '/api/v1/follow-up/999999', { status: 'done', note: 'bukan milik kami' });
    expect(json(res).error.message.replace(String(itemY), '?')).toBe(json(none).error.message.replace('999999', '?'));
    expect((await get(w.auth.office_head, `/api/v1/cycles/2022/entities/${Y}/follow-up`)).statusCode).toBe(403);
    expect((await patch(w.auth.assessor, `/api/v1/follow-up/${itemY}`, { status: 'done', note: 'x' })).statusCode).toBe(
      403,
    );
  });
});
