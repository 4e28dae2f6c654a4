/**
 * Database errors become problems (issue 17, item 5) through real routes: the
 * database itself refuses (a unique index, a check, a serialization failure raised
 * by a trigger), and the caller gets a coded 4xx or 409 with a message, never a 500.
 * Concurrent results imports of one cycle wait for each other instead of colliding
 * on the primary key (issue 12, finding 6). PGlite and PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/runtime.ts';
import { buildWorld, json, send, type World } from '../helpers/api.ts';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(async () => w?.close());

const newToken = (name: string) => send(w.app, w.auth.admin, { method: 'POST', url: '/api/v1/tokens', body: { name } });

describe('database errors through routes', () => {
  it('answers a unique violation with 409 CONFLICT naming the columns', async () => {
    await sql`create unique index test_token_name_once on api_tokens (name)`.execute(w.t.ctx.db);
    try {
      expect((await newToken('nightly export')).statusCode).toBe(201);
      const res = await newToken('nightly export');
      expect(res.statusCode, res.body).toBe(409);
      expect(json(res).error).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('(the same name)'),
        details: { sqlstate: '23505', constraint: 'test_token_name_once' },
      });
    } finally {
      await sql`drop index test_token_name_once`.execute(w.t.ctx.db);
    }
  });

  it('answers a check violation with 400 VALIDATION_FAILED', async () => {
    await sql`alter table api_tokens add constraint test_token_name_short check (length(name) < 20)`.execute(
      w.t.ctx.db,
    );
    try {
      const res = await newToken('a name much longer than twenty characters');
      expect(res.statusCode, res.body).toBe(400);
      expect(json(res).error).toMatchObject({ code: 'VALIDATION_FAILED', details: { sqlstate: '23514' } });
    } finally {
      await sql`alter table api_tokens drop constraint test_token_name_short`.execute(w.t.ctx.db);
    }
  });

  it('answers a serialization failure with a retryable 409, and the CLI exits 2 for it', async () => {
    const { db } = w.t.ctx;
    await sql`create function test_refuse() returns trigger language plpgsql as $$
      begin raise exception 'could not serialize access' using errcode = '40001'; end $$`.execute(db);
    await sql`create trigger test_refuse before insert on api_tokens for each row execute function test_refuse()`.execute(
      db,
    );
    try {
      const res = await newToken('refused');
      expect(res.statusCode, res.body).toBe(409);
      expect(json(res).error).toMatchObject({ code: 'CONFLICT', details: { sqlstate: '40001', retry: true } });
      const thrown = await sql`insert into api_tokens (name) values ('x')`.execute(db).catch((e: unknown) => e);
      const stderr = process.stderr.write;
      process.stderr.write = () => true;
      try {
        expect(reportError(thrown, false)).toBe(2);
      } finally {
        process.stderr.write = stderr;
      }
    } finally {
      await sql`drop trigger test_refuse on api_tokens`.execute(db);
      await sql`drop function test_refuse()`.execute(db);
    }
  });

  it('stores concurrent results imports of one cycle one after another: no 5xx, the last one stands', async () => {
    const file = (score: string) => ({ filename: 'results.csv', content: `entity,score\nKota Bandung,${score}\n` });
    const posts = ['70.25', '71.5', '72.75', '73'].map((score) =>
      send(w.app, w.auth.admin, { method: 'POST', url: '/api/v1/cycles/2022/imports/results', upload: file(score) }),
    );
    const statuses = (await Promise.all(posts)).map((r) => r.statusCode);
    expect(statuses).toEqual([200, 200, 200, 200]);
    const rows = await sql<{ n: number }>`
      select count(*)::int as n from published_entity_results p join entities e on e.id = p.entity_id
      where e.code = '32.73'`.execute(w.t.ctx.db);
    expect(rows.rows[0]?.n).toBe(1);
  });
});
