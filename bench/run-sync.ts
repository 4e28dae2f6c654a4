/**
 * The sync benchmark on PGlite (a fresh data folder) and, when reachable, on
 * PostgreSQL (a fresh database): over TCP at the configured address, and again over
 * the server's unix socket when there is one (the same server; a deployment with the
 * database on the same host can connect either way). PATUH_BENCH_BACKENDS picks some
 * of pglite, postgres, postgres-socket.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { benchSync, type SyncRow } from './sync.ts';

const SOCKET_DIR = process.env.PATUH_BENCH_SOCKET_DIR ?? '/var/run/postgresql';

export async function benchSyncBackends(): Promise<SyncRow[]> {
  const backends = (process.env.PATUH_BENCH_BACKENDS ?? 'pglite,postgres,postgres-socket').split(',');
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
  const url = process.env.PATUH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const variants: Array<{ label: string; url: (name: string) => string }> = [];
  if (backends.includes('postgres')) {
    variants.push({
      label: 'PostgreSQL',
      url: (name) => {
        const u = new URL(url);
        u.pathname = `/${name}`;
        return u.toString();
      },
    });
  }
  if (backends.includes('postgres-socket') && existsSync(path.join(SOCKET_DIR, '.s.PGSQL.5432'))) {
    const user = new URL(url).username || 'postgres';
    variants.push({
      label: 'PostgreSQL (unix socket)',
      url: (name) => `postgres:///${name}?host=${encodeURIComponent(SOCKET_DIR)}&user=${encodeURIComponent(user)}`,
    });
  }
  for (const [k, v] of variants.entries()) {
    const name = `patuh_bench_sync_${process.pid}_${k}`;
    const admin = new pg.Client({ connectionString: url });
    try {
      await admin.connect();
      await admin.query(`create database ${name}`);
    } catch (e) {
      process.stderr.write(`PostgreSQL not reachable (${(e as Error).message}); skipping it\n`);
      await admin.end().catch(() => {});
      return rows;
    }
    try {
      rows.push(...(await benchSync(v.label, () => openDatabase({ kind: 'postgres', url: v.url(name) }))));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  return rows;
}
