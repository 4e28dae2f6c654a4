/**
 * Verification end to end over HTTP (issue 4, item 5): the office head sends one
 * item back with a comment, the assessor sees it, fixes it and resubmits, the office
 * head verifies, central validates, and the entity's final result (cycleResults)
 * follows; provisional results count every submitted sheet, final ones only
 * validated sheets; a reviewer's correction makes a stale device post a conflict.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycleResults } from '../../src/services/results/results.ts';
import { json, send, X } from '../helpers/api.ts';
import { buildFieldworkWorld, type FieldworkWorld, observationSheet, sync, YEAR } from '../helpers/fieldwork.ts';

let w: FieldworkWorld;
beforeAll(async () => {
  w = await buildFieldworkWorld();
});
afterAll(async () => w?.close());

const post = (who: keyof FieldworkWorld['auth'], url: string, body: unknown = {}) =>
  send(w.app, w.auth[who], { method: 'POST', url, body });
const get = (who: keyof FieldworkWorld['auth'], url: string) => send(w.app, w.auth[who], { method: 'GET', url });
const finalScore = async () => (await cycleResults(w.t.ctx, YEAR, { entity: X })).results[0]?.exactScore ?? null;
const provisional = async () => json(await get('central', `/api/v1/cycles/${YEAR}/entities/${X}/provisional`)).data;

describe('verification', () => {
  const sheet = observationSheet(0, 1);
  const url = (action: string) => `/api/v1/submissions/${sheet.id}/${action}`;

  it('sends one item back with a comment; the assessor sees it, fixes it and resubmits', async () => {
    sheet.unitId = w.units.x1;
    expect((await sync(w, w.device, [sheet]))[0]?.status).toBe('stored');
    const list = json(await get('office_head', `/api/v1/cycles/${YEAR}/submissions?status=submitted`));
    expect(list.data.map((s: { id: string }) => s.id)).toEqual([sheet.id]);

    // provisional counts the submitted sheet; the final result has nothing validated yet
    const before = await provisional();
    expect(before).toMatchObject({ provisional: true, sheets: { submitted: 1 } });
    expect(before.score).not.toBeNull();
    expect(before.final).toBeNull();
    expect(await finalScore()).toBeNull();

    const returned = await post('office_head', url('return'), {
      version: 1,
      comments: [{ indicator: 'PR.STD.01', body: 'Foto maklumat tidak terbaca; periksa lagi.' }],
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(json(returned).data).toMatchObject({ status: 'returned', version: 1, openComments: 1 });

    const pulled = json(await send(w.app, w.device, { method: 'GET', url: '/api/v1/me/submissions' }));
    const mine = pulled.data.find((s: { id: string }) => s.id === sheet.id);
    expect(mine.status).toBe('returned');
    expect(mine.comments).toMatchObject([{ indicator: 'PR.STD.01', version: 1, resolved: false }]);
    expect(mine.history.map((h: { to: string }) => h.to)).toEqual(['submitted', 'returned']);

    const fixed = {
      ...sheet,
      baseVersion: 1,
      items: sheet.items.map((i) => (i.indicator === 'PR.STD.01' ? { ...i, value: 3 } : i)),
    };
    const [r] = await sync(w, w.device, [fixed]);
    expect(r).toMatchObject({ status: 'stored', submissionId: sheet.id, version: 2, submissionStatus: 'submitted' });
    expect((await sync(w, w.device, [fixed]))[0]?.status).toBe('duplicate');
  });

  it('lets only the office head verify and only central validate, each from the right status and version', async () => {
    expect((await post('assessor', url('verify'))).statusCode).toBe(403);
    expect((await post('central', url('verify'))).statusCode).toBe(403);
    expect((await post('office_head', url('validate'))).statusCode).toBe(403);
    expect((await post('entity_official', url('verify'))).statusCode).toBe(403);
    expect((await post('central', url('validate'))).statusCode).toBe(409); // not verified yet
    expect(json(await post('office_head', url('verify'), { version: 1 })).error.code).toBe('CONFLICT'); // stale
    const verified = await post('office_head', url('verify'), { version: 2 });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(json(verified).data).toMatchObject({ status: 'verified', openComments: 0 });
    expect(json(await post('office_head', url('verify'))).error.code).toBe('INVALID_TRANSITION');
  });

  it('counts only validated data toward the final result, and the result follows validation', async () => {
    const validated = await post('central', url('validate'), { version: 2 });
    expect(validated.statusCode, validated.body).toBe(200);
    expect(json(validated).data).toMatchObject({ status: 'validated', validatedVersion: 2 });
    const answers = await sql<{ indicator: string; value: number; answered_by: string }>`
      select indicator, value, answered_by from answers where unit_id = ${w.units.x1} order by indicator`.execute(
      w.t.ctx.db,
    );
    expect(answers.rows).toHaveLength(15);
    expect(answers.rows.find((a) => a.indicator === 'PR.STD.01')?.value).toBe(3);
    expect(new Set(answers.rows.map((a) => a.answered_by))).toEqual(new Set([`user:${w.users.assessor.id}`]));
    const score = await finalScore();
    expect(score).not.toBeNull();
    const p = await provisional();
    expect(p.final).toMatchObject({ source: 'answers' });
    expect(p.exactScore).toBeCloseTo(score as number, 9);
    const detail = json(await get('office_head', `/api/v1/submissions/${sheet.id}`)).data;
    expect(detail.history.map((h: { to: string }) => h.to)).toEqual([
      'submitted',
      'returned',
      'submitted',
      'verified',
      'validated',
    ]);
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(detail.comments[0].resolved).toBe(true);
  });

  it('never lets a stale device overwrite a reviewer’s correction; a newer validated version replaces the answers', async () => {
    const scoreBefore = (await finalScore()) as number;
    // central sends the validated sheet back with its own value for one item
    const back = await post('central', url('return'), {
      version: 2,
      comments: [{ indicator: 'PR.STD.02', body: 'Standar tidak dipajang: nilai 0.' }],
      corrections: [{ indicator: 'PR.STD.02', value: 0 }],
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(json(back).data).toMatchObject({ status: 'returned', version: 3, validatedVersion: 2 });
    // validated answers still count while the sheet is back with the assessor
    expect(await finalScore()).toBe(scoreBefore);

    // the device edited from version 2: conflict, with the server's values to show beside its own
    const stale = {
      ...sheet,
      id: crypto.randomUUID(),
      baseVersion: 2,
      items: sheet.items.map((i) => ({ ...i, value: 2 })),
    };
    const [c] = await sync(w, w.device, [stale]);
    expect(c).toMatchObject({
      status: 'conflict',
      version: 3,
      submissionStatus: 'returned',
      error: { reason: 'server_changed' },
    });
    expect(c?.serverItems?.find((i) => i.indicator === 'PR.STD.02')?.value).toBe(0);

    // from version 3 (a new id is fine too) it is the next version
    const [ok] = await sync(w, w.device, [{ ...stale, baseVersion: 3 }]);
    expect(ok).toMatchObject({ status: 'stored', submissionId: sheet.id, version: 4 });
    expect((await post('office_head', url('verify'), { version: 4 })).statusCode).toBe(200);
    expect((await post('central', url('validate'), { version: 4 })).statusCode).toBe(200);
    const after = (await finalScore()) as number;
    expect(after).not.toBe(scoreBefore);
    const values = await sql<{
      value: number;
    }>`select distinct value from answers where unit_id = ${w.units.x1}`.execute(w.t.ctx.db);
    expect(values.rows.map((r) => r.value)).toEqual([2]);
  });

  it('keeps submissions and provisional results to staff in scope', async () => {
    expect((await get('entity_official', `/api/v1/cycles/${YEAR}/submissions`)).statusCode).toBe(403);
    expect((await get('anonymous', `/api/v1/submissions/${sheet.id}`)).statusCode).toBe(401);
    expect((await get('entity_official', `/api/v1/cycles/${YEAR}/entities/${X}/provisional`)).statusCode).toBe(403);
    expect((await get('assessor', `/api/v1/cycles/${YEAR}/entities/${X}/provisional`)).statusCode).toBe(200);
    expect((await get('assessor', `/api/v1/cycles/${YEAR}/entities/32.73/provisional`)).statusCode).toBe(403);
    expect((await get('office_head', `/api/v1/cycles/${YEAR}/entities/74.71/provisional`)).statusCode).toBe(403);
    const a2 = await send(w.app, w.assessor2.auth, { method: 'GET', url: `/api/v1/submissions/${sheet.id}` });
    expect(a2.statusCode).toBe(403); // not assigned to X
  });
});
