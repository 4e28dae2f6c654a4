/**
 * Migration 0021 (evidence uploaders) moves data: each existing file gets its first
 * uploader (evidence.created_by) as an upload row; files from the CLI (no user) get
 * none. Down removes the table and leaves the files. On PGlite and PostgreSQL.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { down, up } from '../../src/db/migrations/0021_evidence_uploads.ts';
import { createUser } from '../../src/services/auth/create-user.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

it('gives every existing file its first uploader, and down leaves the files', async () => {
  const { db } = t.ctx;
  const user = await createUser(t.ctx, SYSTEM, {
    email: 'early@test.id',
    role: 'central',
    password: 'password-for-tests',
  });
  await down(db as unknown as Kysely<unknown>);
  await db
    .insertInto('evidence')
    .values([
      { sha256: 'a'.repeat(64), media_type: 'application/pdf', size: 10, created_by: user.id },
      { sha256: 'b'.repeat(64), media_type: 'image/png', size: 20, created_by: null },
    ])
    .execute();
  await up(db as unknown as Kysely<unknown>);
  const rows = await db.selectFrom('evidence_uploads').select(['evidence_sha256', 'user_id']).execute();
  expect(rows).toEqual([{ evidence_sha256: 'a'.repeat(64), user_id: user.id }]);
  await down(db as unknown as Kysely<unknown>);
  expect(await db.selectFrom('evidence').select('sha256').orderBy('sha256').execute()).toHaveLength(2);
  await up(db as unknown as Kysely<unknown>); // as it was, for the close
});
