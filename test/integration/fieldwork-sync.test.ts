/**
 * The sync API (issue 4, item 3) over HTTP: idempotent by client id (also under
 * concurrency), conflicts shown never overwritten, assignment and instrument checks,
 * and the pull of the assessor's own sheets. PGlite and PostgreSQL.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareSheets } from '../../src/services/fieldwork/sync.ts';
import { storeSheets } from '../../src/services/fieldwork/sync-store.ts';
import { json, send } from '../helpers/api.ts';
import { buildFieldworkWorld, type FieldworkWorld, observationSheet, sync, YEAR } from '../helpers/fieldwork.ts';

let w: FieldworkWorld;
beforeAll(async () => {
  w = await buildFieldworkWorld();
});
afterAll(async () => w?.close());

const count = async (id: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from submissions where id = ${id}`.execute(w.t.ctx.db)).rows[0]
    ?.n;

describe('sync', () => {
  it('stores a submission posted twice at the same moment once, and answers a retry with duplicate', async () => {
    const sheet = observationSheet(w.units.x1);
    const post = () => send(w.app, w.device, { method: 'POST', url: '/api/v1/sync', body: { submissions: [sheet] } });
    const [a, b] = await Promise.all([post(), post()]);
    const outcomes = [json(a).data.results[0].status, json(b).data.results[0].status].sort();
    expect(outcomes).toEqual(['duplicate', 'stored']);
    expect(await count(sheet.id)).toBe(1);
    const versions = await sql<{
      n: number;
    }>`select count(*)::int as n from submission_versions where submission_id = ${sheet.id}`.execute(w.t.ctx.db);
    expect(versions.rows[0]?.n).toBe(1);
    const [retry] = await sync(w, w.device, [sheet]);
    expect(retry).toMatchObject({
      status: 'duplicate',
      submissionId: sheet.id,
      version: 1,
      submissionStatus: 'submitted',
    });
    // a double tap inside one batch too
    const other = observationSheet(w.units.x2);
    expect((await sync(w, w.device, [other, other])).map((r) => r.status)).toEqual(['stored', 'duplicate']);
  });

  it('stores a sheet once when two transactions race for it (the database decides, not the writer)', async () => {
    const p = {
      kind: 'user' as const,
      role: 'assessor' as const,
      entityId: null,
      officeProvinceCode: '32',
      userId: w.users.assessor.id,
      tokenId: null,
    };
    for (let round = 0; round < 5; round++) {
      const sheet = observationSheet(w.units.x2, 1, { respondent: `race-${round}` });
      const [a, b] = await Promise.all([prepareSheets(w.t.ctx, p, [sheet]), prepareSheets(w.t.ctx, p, [sheet])]);
      const [ra, rb] = await Promise.all([storeSheets(w.t.ctx, a.ready), storeSheets(w.t.ctx, b.ready)]);
      const outcomes = [...(ra?.values() ?? []), ...(rb?.values() ?? [])].map((r) => r.status).sort();
      expect(outcomes).toEqual(['duplicate', 'stored']);
      expect(await count(sheet.id)).toBe(1);
    }
    // and under the writer: eight requests at once, one row
    const sheet = observationSheet(w.units.x2, 1, { respondent: 'race-many' });
    const posts = await Promise.all(
      Array.from({ length: 8 }, () =>
        send(w.app, w.device, { method: 'POST', url: '/api/v1/sync', body: { submissions: [sheet] } }),
      ),
    );
    const outcomes = posts.map((r) => json(r).data.results[0].status);
    expect(outcomes.filter((o) => o === 'stored')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(7);
    expect(await count(sheet.id)).toBe(1);
  });

  it('answers the same id with other content, or another device’s sheet for the same slot, with a conflict and the server’s values', async () => {
    const sheet = observationSheet(w.units.x1, 1, { respondent: 'P1' });
    expect((await sync(w, w.device, [sheet]))[0]?.status).toBe('stored');
    const [changed] = await sync(w, w.device, [{ ...sheet, items: observationSheet(w.units.x1, 3).items }]);
    expect(changed).toMatchObject({
      status: 'conflict',
      submissionId: sheet.id,
      version: 1,
      error: { reason: 'same_id_other_content' },
    });
    expect(changed?.serverItems?.every((i) => i.value === 1)).toBe(true);
    // a second device fills in the same slot (unit, kind, respondent): never a silent overwrite
    const [second] = await sync(w, w.device, [observationSheet(w.units.x1, 3, { respondent: 'P1' })]);
    expect(second).toMatchObject({
      status: 'conflict',
      submissionId: sheet.id,
      error: { code: 'CONFLICT', reason: 'server_changed' },
    });
    expect(second?.serverItems).toHaveLength(15);
    expect(await count(sheet.id)).toBe(1);
  });

  it('refuses units the assessor is not assigned to, and other roles altogether', async () => {
    const [z, y, none] = await sync(w, w.device, [
      observationSheet(w.units.z1),
      observationSheet(w.units.y1),
      observationSheet(999_999),
    ]);
    expect(z).toMatchObject({ status: 'rejected', error: { code: 'FORBIDDEN' } });
    expect(y).toMatchObject({ status: 'rejected', error: { code: 'FORBIDDEN' } });
    expect(none).toMatchObject({ status: 'rejected', error: { code: 'NOT_FOUND' } });
    // the second assessor has no assignment at all
    const [other] = await sync(w, w.device2, [observationSheet(w.units.x1, 2, { respondent: 'P9' })]);
    expect(other).toMatchObject({ status: 'rejected', error: { code: 'FORBIDDEN' } });
    const head = await send(w.app, w.auth.office_head, {
      method: 'POST',
      url: '/api/v1/sync',
      body: { submissions: [observationSheet(w.units.x1)] },
    });
    expect(head.statusCode).toBe(403);
    const anon = await send(w.app, null, {
      method: 'POST',
      url: '/api/v1/sync',
      body: { submissions: [observationSheet(w.units.x1)] },
    });
    expect(anon.statusCode).toBe(401);
  });

  it('checks each sheet against the instrument and keeps the good ones of a batch', async () => {
    const good = observationSheet(w.units.x2, 2, { respondent: 'P2' });
    const wrongKind = observationSheet(w.units.x2, 2, { kind: 'official_interview', respondent: 'R1' });
    const badValue = {
      ...observationSheet(w.units.x2, 2, { respondent: 'P3' }),
      items: [{ indicator: 'PR.STD.01', value: 7 }],
    };
    const noId = { ...observationSheet(w.units.x2), id: 'not-a-uuid' };
    const r = await sync(w, w.device, [good, wrongKind, badValue, noId]);
    expect(r.map((x) => x.status)).toEqual(['stored', 'rejected', 'rejected', 'rejected']);
    expect(r[1]?.error?.message).toContain('collected by observation');
    expect(r[2]?.error?.code).toBe('VALIDATION_FAILED');
    expect(r[3]).toMatchObject({ index: 3, id: 'not-a-uuid', error: { code: 'VALIDATION_FAILED' } });
    const tooMany = await send(w.app, w.device, {
      method: 'POST',
      url: '/api/v1/sync',
      body: { submissions: Array.from({ length: 51 }, () => good) },
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it('lets the assessor pull its sheets changed since it last asked', async () => {
    const all = json(await send(w.app, w.device, { method: 'GET', url: '/api/v1/me/submissions' }));
    expect(all.data.length).toBeGreaterThanOrEqual(3);
    expect(all.data.every((s: { assessor: { id: number } }) => s.assessor.id === w.users.assessor.id)).toBe(true);
    expect(all.data[0]).toMatchObject({ year: YEAR, status: 'submitted', version: 1, comments: [] });
    expect(all.data[0].items.length).toBeGreaterThan(0);
    expect(all.data[0].history[0]).toMatchObject({ from: null, to: 'submitted' });
    // paging
    const p1 = json(await send(w.app, w.device, { method: 'GET', url: '/api/v1/me/submissions?limit=1' }));
    expect(p1.data).toHaveLength(1);
    const p2 = json(
      await send(w.app, w.device, { method: 'GET', url: `/api/v1/me/submissions?limit=1&after=${p1.next}` }),
    );
    expect(p2.data[0].id).not.toBe(p1.data[0].id);
    // later: nothing new beyond the overlap window, then a new sheet shows up
    const later = new Date(Date.now() + 120_000).toISOString();
    expect(
      json(
        await send(w.app, w.device, {
          method: 'GET',
          url: `/api/v1/me/submissions?since=${encodeURIComponent(later)}`,
        }),
      ).data,
    ).toEqual([]);
    const fresh = observationSheet(w.units.x2, 0, { respondent: 'P4' });
    await sync(w, w.device, [fresh]);
    const since = json(
      await send(w.app, w.device, {
        method: 'GET',
        url: `/api/v1/me/submissions?since=${encodeURIComponent(all.since)}`,
      }),
    );
    expect(since.data.map((s: { id: string }) => s.id)).toContain(fresh.id);
    const head = await send(w.app, w.auth.office_head, { method: 'GET', url: '/api/v1/me/submissions' });
    expect(head.statusCode).toBe(403);
  });

  it('rejects a base version the server never had', async () => {
    const [r] = await sync(w, w.device, [
      observationSheet(w.units.x1, 2, { respondent: 'P7', baseVersion: 3, id: randomUUID() }),
    ]);
    expect(r).toMatchObject({ status: 'rejected', error: { reason: 'unknown_base_version' } });
  });

  it('links a sheet’s evidence once uploaded, and serves it to those who may see the submission', async () => {
    const pdf = `%PDF-1.4\n% maklumat pelayanan ${randomUUID()}\n`;
    const sha = createHash('sha256').update(pdf).digest('hex');
    const sheet = observationSheet(w.units.x1, 2, { respondent: 'P8' });
    sheet.items[0] = { ...sheet.items[0], indicator: sheet.items[0]?.indicator ?? '', value: 3, evidence: [sha] };
    const [missing] = await sync(w, w.device, [sheet]);
    expect(missing).toMatchObject({ status: 'rejected', error: { code: 'NOT_FOUND', reason: 'evidence_missing' } });
    const up = await send(w.app, w.device, {
      method: 'POST',
      url: '/api/v1/evidence',
      upload: { filename: 'm.pdf', content: pdf },
    });
    expect(up.statusCode, up.body).toBe(201);
    expect((await sync(w, w.device, [sheet]))[0]?.status).toBe('stored');
    const as = (auth: Parameters<typeof send>[1]) =>
      send(w.app, auth, { method: 'GET', url: `/api/v1/evidence/${sha}` });
    expect((await as(w.auth.office_head)).statusCode).toBe(200);
    expect((await as(w.assessor2.auth)).statusCode).toBe(404);
  });
});
