/**
 * The sync benchmark on PGlite (a fresh data folder) and, when reachable, on
 * PostgreSQL (a fresh database). PATUH_BENCH_BACKENDS=pglite or =postgres runs one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { benchSync, type SyncRow } from './sync.ts';

export async function benchSyncBackends(): Promise<SyncRow[]> {
  const backends = (process.env.PATUH_BENCH_BACKENDS ?? 'pglite,postgres').split(',');
  const rows: SyncRow[] = [];
  if (backends.includes('pglite')) {
    const work = mkdtempSync(path.join(os.tmpdir(), 'patuh-bench-sync-'));
    try {
      rows.push(
        ...(await benchSync('PGlite', () => openDatabase({ kind: 'pglite', dataDir: path.join(work, 'pglite') }))),
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  if (!backends.includes('postgres')) return rows;
  const url = process.env.PATUH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `patuh_bench_sync_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (e) {
    process.stderr.write(`PostgreSQL not reachable (${(e as Error).message}); skipping it\n`);
    return rows;
  }
  try {
    const u = new URL(url);
    u.pathname = `/${name}`;
    rows.push(...(await benchSync('PostgreSQL', () => openDatabase({ kind: 'postgres', url: u.toString() }))));
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  return rows;
}
