/**
 * One bad sheet never fails a sync batch (issue 12, finding 6): a NUL byte or a lone
 * surrogate in a note, or a sheet the database itself refuses, is rejected on its
 * own with a reason; the good sheets of the same batch are stored, and a retry of
 * the same body answers the same (duplicate for the stored, rejected for the bad),
 * so the device can drop the bad one. PGlite and PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, send } from '../helpers/api.ts';
import { buildFieldworkWorld, type FieldworkWorld, observationSheet, sync } from '../helpers/fieldwork.ts';

let w: FieldworkWorld;
beforeAll(async () => {
  w = await buildFieldworkWorld();
});
afterAll(async () => w?.close());

const withNote = (unitId: number, respondent: string, note: string) => {
  const s = observationSheet(unitId, 2, { respondent });
  s.items[0] = { ...(s.items[0] as (typeof s.items)[number]), note };
  return s;
};

describe('a sync batch with bad sheets', () => {
  it('rejects the sheets with a NUL byte or a lone surrogate, stores the others, and answers a retry the same', async () => {
    const batch = [
      observationSheet(w.units.x1, 2, { respondent: 'P1' }),
      withNote(w.units.x1, 'P2', 'tutup\u0000'),
      withNote(w.units.x1, 'P3', 'antre \ud83d lama'),
      observationSheet(w.units.x2, 2, { respondent: 'P4' }),
    ];
    const first = await sync(w, w.device, batch);
    expect(first.map((r) => r.status)).toEqual(['stored', 'rejected', 'rejected', 'stored']);
    expect(first[1]?.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'unstorable_text',
      message: expect.stringMatching(/^items\.0\.note: contains a NUL byte/),
    });
    expect(first[2]?.error).toMatchObject({
      reason: 'unstorable_text',
      message: expect.stringMatching(/lone surrogate/),
    });
    const retry = await sync(w, w.device, batch);
    expect(retry.map((r) => r.status)).toEqual(['duplicate', 'rejected', 'rejected', 'duplicate']);
    const ids = batch.map((s) => s.id);
    const stored = await sql<{ id: string }>`select id from submissions where id in (${sql.join(ids)})`.execute(
      w.t.ctx.db,
    );
    expect(stored.rows.map((r) => r.id).sort()).toEqual([ids[0], ids[3]].sort());
  });

  it('rejects a NUL in a text outside the sheets as a malformed request (400), not a 500', async () => {
    const res = await send(w.app, w.device, { method: 'POST', url: '/api/v1/sync', body: { 'x\u0000': 1 } });
    expect(res.statusCode).toBe(400);
  });

  it('rejects a sheet the database refuses on its own and stores the rest of its batch', async () => {
    const { db } = w.t.ctx;
    await sql`alter table submission_versions add constraint test_gps_close
      check (gps is null or (gps->>'accuracy')::numeric < 5000)`.execute(db);
    try {
      const far = observationSheet(w.units.x1, 1, { respondent: 'P5' });
      far.gps = { lat: -6.2, lng: 106.9, accuracy: 90_000 };
      const batch = [
        observationSheet(w.units.x1, 1, { respondent: 'P6' }),
        far,
        observationSheet(w.units.x2, 1, { respondent: 'P7' }),
      ];
      const results = await sync(w, w.device, batch);
      expect(results.map((r) => r.status)).toEqual(['stored', 'rejected', 'stored']);
      expect(results[1]?.error).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'refused_by_database' });
      const alone = await send(w.app, w.device, { method: 'POST', url: '/api/v1/sync', body: { submissions: [far] } });
      expect(alone.statusCode).toBe(200);
      expect(json(alone).data.results[0]).toMatchObject({
        status: 'rejected',
        error: { reason: 'refused_by_database' },
      });
    } finally {
      await sql`alter table submission_versions drop constraint test_gps_close`.execute(db);
    }
  });
});
