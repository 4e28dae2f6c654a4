/**
 * The integration suite's template database, made once per run (vitest globalSetup):
 * migrated and seeded like a fresh installation, then copied for each test context
 * instead of running initdb, every migration and the seed again (test/helpers/db.ts).
 * PGlite: a dump of an in-memory database in a file; PostgreSQL: a database that
 * `create database … template` copies.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/database.ts';
import { prepareDatabase } from '../../src/services/setup.ts';
import { pgAdmin } from './pg-admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: the dump's file; PostgreSQL: the template database's name */
    databaseTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.PATUH_TEST_DATABASE_URL;
  if (!url) {
    const handle = await openDatabase({ kind: 'pglite', dataDir: null });
    await prepareDatabase(handle.db);
    const { driver } = handle;
    if (driver.kind !== 'pglite') throw new Error('expected PGlite');
    const dump = await driver.pglite.dumpDataDir('none');
    await handle.close();
    const dir = mkdtempSync(path.join(tmpdir(), 'patuh-template-'));
    const file = path.join(dir, 'template.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('databaseTemplate', file);
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const name = `patuh_template_${process.pid}`;
  await pgAdmin(url, `drop database if exists ${name}`);
  await pgAdmin(url, `create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: u.toString() });
  await prepareDatabase(handle.db);
  await handle.close();
  project.provide('databaseTemplate', name);
  return async () => pgAdmin(url, `drop database if exists ${name} with (force)`);
}
