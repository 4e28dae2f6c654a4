/**
 * Test databases: PGlite in memory by default; the PostgreSQL server when
 * PATUH_TEST_DATABASE_URL is set (CI runs the integration suite both ways). Each
 * call gets its own database, migrated and seeded like a fresh installation: a copy
 * of the run's template (db-template.ts) when the suite made one, else made here.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { serviceContext } from '../../src/services/container.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { defaultCatalog } from '../../src/services/instrument-catalog.ts';
import { prepareDatabase } from '../../src/services/setup.ts';
import { pgAdmin } from './pg-admin.ts';

export interface TestContext {
  ctx: ServiceContext;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const testDatabaseKind = (): 'pglite' | 'postgres' =>
  process.env.PATUH_TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** The template of this run (db-template.ts), if the suite made one. */
function template(): string | undefined {
  try {
    return inject('databaseTemplate');
  } catch {
    return undefined; // outside a vitest run that made one
  }
}

let pgliteTemplate: Blob | undefined;

export async function createTestContext(): Promise<TestContext> {
  const files = defaultCatalog();
  const url = process.env.PATUH_TEST_DATABASE_URL;
  const from = template();
  if (!url) {
    if (from) pgliteTemplate ??= new Blob([readFileSync(from)]);
    const handle = await openDatabase({
      kind: 'pglite',
      dataDir: null,
      ...(from && pgliteTemplate ? { template: pgliteTemplate } : {}),
    });
    // on a copy of the template this only confirms there is nothing to do
    const { catalog } = await prepareDatabase(handle.db, files);
    return { ctx: serviceContext(handle, catalog), kind: 'pglite', close: () => handle.close() };
  }
  const name = `patuh_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await pgAdmin(url, from ? `create database ${name} template ${from}` : `create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: u.toString() });
  const { catalog } = await prepareDatabase(handle.db, files);
  return {
    ctx: serviceContext(handle, catalog),
    kind: 'postgres',
    close: async () => {
      await handle.close();
      await pgAdmin(url, `drop database if exists ${name} with (force)`);
    },
  };
}
