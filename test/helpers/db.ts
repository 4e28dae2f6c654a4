/**
 * Test databases: PGlite in memory by default; the PostgreSQL server when
 * PATUH_TEST_DATABASE_URL is set (CI runs the integration suite both ways). Each
 * call gets its own empty database, migrated and seeded like a fresh installation.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/db/database.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { defaultCatalog } from '../../src/services/instrument-catalog.ts';
import { prepareDatabase } from '../../src/services/setup.ts';

export interface TestContext {
  ctx: ServiceContext;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const testDatabaseKind = (): 'pglite' | 'postgres' =>
  process.env.PATUH_TEST_DATABASE_URL ? 'postgres' : 'pglite';

export async function createTestContext(): Promise<TestContext> {
  const files = defaultCatalog();
  const url = process.env.PATUH_TEST_DATABASE_URL;
  if (!url) {
    const handle = await openDatabase({ kind: 'pglite', dataDir: null });
    const { catalog } = await prepareDatabase(handle.db, files);
    return { ctx: { db: handle.db, catalog }, kind: 'pglite', close: () => handle.close() };
  }
  const name = `patuh_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: u.toString() });
  const { catalog } = await prepareDatabase(handle.db, files);
  return {
    ctx: { db: handle.db, catalog },
    kind: 'postgres',
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
