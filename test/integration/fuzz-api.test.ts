/**
 * Hostile input across the whole API (issue 12, finding 6): every route of
 * /api/openapi.json, as an admin, as an assessor (who reaches the sync endpoint's
 * per-sheet checks) and as the public, with NUL bytes, lone surrogates, huge and negative integers, impossible dates, long strings, wrong types, malformed
 * JSON and multipart, and odd path characters. Deterministic (fixed seed); not one
 * answer may be a 5xx. PGlite and PostgreSQL. `npm run bench -- --fuzz` sends 20,000.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, signIn, type World } from '../helpers/api.ts';
import { fuzzApi } from '../helpers/fuzz.ts';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(async () => w?.close());

describe('fuzzing every route', () => {
  it('answers 2,000+ hostile requests without a single 5xx', async () => {
    const out = await fuzzApi(
      w.app,
      // the assessor too: the one role that reaches the sync endpoint's per-sheet checks
      { admin: w.auth.admin, assessor: w.auth.assessor, anonymous: null },
      {
        seed: 20261207,
        perOperation: 12,
        resignIn: async (who) => {
          // a fuzzed PATCH may have deactivated the user: make it active again and sign in
          const email = w.users[who as 'admin' | 'assessor'].email;
          await sql`update users set active = true where email = ${email}`.execute(w.t.ctx.db);
          return signIn(w.app, email);
        },
      },
    );
    expect(out.sent).toBeGreaterThanOrEqual(2000);
    expect(out.fiveXX).toEqual([]);
    // the run reached past validation too: some requests succeeded
    expect(Object.keys(out.statuses).some((s) => Number(s) < 300)).toBe(true);
  });
});
