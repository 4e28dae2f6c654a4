/**
 * /health while a 1M-row import runs (issue 12, finding 4): a server on loopback,
 * a client child process asking /health every 20 ms (bench/health-client.ts), first
 * idle, then while 1,000,000 answers are uploaded and imported over HTTP. Reports
 * p50/p99 against the idle p50/p99 of the same run (the upload too comes from a child, bench/upload-client.ts), with the load average, and the
 * server process's peak RSS during the import (the worker thread's memory included).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { DEFAULT_IMPORT_LIMITS } from '../src/config.ts';
import { type DatabaseHandle, openDatabase } from '../src/db/database.ts';
import { listEntities } from '../src/db/repos/entities.ts';
import { buildServer } from '../src/http/server.ts';
import { createUser } from '../src/services/auth/create-user.ts';
import { SYSTEM } from '../src/services/auth/principal.ts';
import { serviceContext } from '../src/services/container.ts';
import { loadCycle, requireInstrument } from '../src/services/cycles.ts';
import { defaultCatalog } from '../src/services/instrument-catalog.ts';
import { buildResolver } from '../src/services/registry/registry.ts';
import { prepareDatabase } from '../src/services/setup.ts';
import { type NationalRow, nationalAnswers, pickEntities, writeCsv } from './national.ts';

const YEAR = 2023;
const ROWS = 1_000_000;
const MIB = 1024 * 1024;
const PASSWORD = 'Ukur-kesehatan-Kuat-2025!'; // nothing of the e-mail (password policy)

export interface HealthRow {
  backend: string;
  phase: string;
  requests: number;
  failures: number;
  p50: number;
  p99: number;
  max: number;
  load: number;
  note: string;
}

function* firstRows(rows: Iterable<NationalRow>, n: number): Generator<NationalRow> {
  let i = 0;
  for (const r of rows) {
    if (i++ >= n) return;
    yield r;
  }
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

function startClient(url: string): { child: ChildProcess; result: Promise<{ latencies: number[]; failures: number }> } {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'health-client.ts'), url], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  const result = new Promise<{ latencies: number[]; failures: number }>((resolve, reject) => {
    child.on('exit', () => {
      try {
        resolve(JSON.parse(out));
      } catch (e) {
        reject(e);
      }
    });
  });
  return { child, result };
}

async function measure(url: string, during: () => Promise<void>): Promise<{ latencies: number[]; failures: number }> {
  const c = startClient(url);
  await during();
  c.child.stdin?.write('stop\n');
  return c.result;
}

function row(backend: string, phase: string, r: { latencies: number[]; failures: number }, note: string): HealthRow {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  return {
    backend,
    phase,
    requests: sorted.length,
    failures: r.failures,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    load: os.loadavg()[0] ?? 0,
    note,
  };
}

async function benchOne(label: string, handle: DatabaseHandle, csv: string): Promise<HealthRow[]> {
  const catalog = defaultCatalog();
  const { db } = handle;
  await prepareDatabase(db, catalog);
  const ctx = serviceContext(handle, catalog);
  await createUser(ctx, SYSTEM, { email: 'bench@patuh.local', role: 'admin', password: PASSWORD });
  const limits = { ...DEFAULT_IMPORT_LIMITS, maxRows: 2 * ROWS, maxCells: 10 * ROWS, maxBytes: 200 * MIB };
  const app = await buildServer(ctx, {
    logLevel: 'silent',
    webDist: null,
    uploadLimitBytes: 200 * MIB,
    importLimits: limits,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@patuh.local', password: PASSWORD }),
    });
    const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0] as string);
    const csrf = cookies.find((c) => c.startsWith('patuh_csrf='))?.split('=')[1] ?? '';
    const health = `${base}/api/v1/health`;
    const idle = await measure(health, () => new Promise((r) => setTimeout(r, 5000)));
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    let seconds = 0;
    let status = 0;
    const busy = await measure(health, async () => {
      const child = spawn(
        process.execPath,
        [
          path.join(import.meta.dirname, 'upload-client.ts'),
          `${base}/api/v1/cycles/${YEAR}/imports/answers`,
          csv,
          cookies.join('; '),
          csrf,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      child.stdout?.on('data', (d) => {
        out += String(d);
      });
      await new Promise((r) => child.on('exit', r));
      const answer = JSON.parse(out) as { status: number; seconds: number; body: string };
      status = answer.status;
      seconds = answer.seconds;
      const body = answer.body;
      if (status !== 200) process.stderr.write(`[${label}] import answered ${status}: ${body.slice(0, 500)}\n`);
    });
    clearInterval(sampler);
    loop.disable();
    const lag = `; server event loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms`;
    const rss = `import of ${ROWS.toLocaleString('en')} rows: HTTP ${status} in ${seconds.toFixed(1)} s; server RSS ${(rssBefore / MIB).toFixed(0)} MB before, peak ${(peak / MIB).toFixed(0)} MB${lag}`;
    return [
      row(label, 'idle', idle, 'same server, same client, before the import'),
      row(label, 'during a 1M-row import', busy, rss),
    ];
  } finally {
    await app.close();
  }
}

export async function benchImportHealth(): Promise<HealthRow[]> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'patuh-bench-health-'));
  const rows: HealthRow[] = [];
  try {
    const csv = path.join(work, 'answers-1m.csv');
    const pglite = await openDatabase({ kind: 'pglite', dataDir: path.join(work, 'pglite') });
    try {
      await prepareDatabase(pglite.db);
      const instrument = requireInstrument(await loadCycle(serviceContext(pglite, defaultCatalog()), YEAR));
      // only bodies that can be assessed in the year (a successor that exists from 2025 cannot)
      const all = await listEntities(pglite.db);
      const resolver = buildResolver(all);
      const entities = pickEntities(
        all.filter((e) => resolver.assessable(e, YEAR).ok),
        YEAR,
      );
      const n = await writeCsv(csv, firstRows(nationalAnswers(instrument, entities, 40), ROWS));
      process.stderr.write(`[health] ${n} answers written to ${csv}\n`);
      if ((process.env.PATUH_BENCH_BACKENDS ?? 'pglite,postgres').includes('pglite')) {
        rows.push(...(await benchOne('PGlite', pglite, csv)));
      }
    } finally {
      await pglite.close();
    }
    const url = process.env.PATUH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    if (!(process.env.PATUH_BENCH_BACKENDS ?? 'pglite,postgres').includes('postgres')) return rows;
    const name = `patuh_bench_health_${process.pid}`;
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
      const u = new URL(url);
      u.pathname = `/${name}`;
      const h = await openDatabase({ kind: 'postgres', url: u.toString() });
      try {
        rows.push(...(await benchOne('PostgreSQL', h, csv)));
      } finally {
        await h.close();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');

export function importHealthSection(rows: readonly HealthRow[]): string[] {
  const idle = new Map(rows.filter((r) => r.phase === 'idle').map((r) => [r.backend, r]));
  return [
    '## /health during a 1M-row import (issue 12)',
    '',
    'A client child process asks GET /api/v1/health every 20 ms, one request at a time, first for 5 s idle, then',
    'while 1,000,000 answers (a 40 MB CSV) are uploaded and imported over HTTP into the same server (bench/import-health.ts;',
    'alone: `node bench/import-health-only.ts`). The file is read, checked and resolved on a worker thread; the main',
    'thread writes. Target: p99 under 100 ms during the import. Ratio: against the idle p99 of the same run.',
    "PGlite runs inside the server's own thread (WebAssembly): while one of the import's statements runs there, nothing",
    'else is answered, which the max column shows; PostgreSQL runs in its own processes. The load average is the',
    'one-minute figure when the row was taken (the machine is shared: compare with the idle row of the same run).',
    '',
    '| backend | phase | requests | failed | p50 ms | p99 ms | max ms | p99 vs idle | load | note |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) => {
      const base = idle.get(r.backend);
      const ratio = base && r.phase !== 'idle' ? `${(r.p99 / base.p99).toFixed(1)}×` : '—';
      return `| ${r.backend} | ${r.phase} | ${r.requests} | ${r.failures} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${ratio} | ${r.load.toFixed(2)} | ${r.note} |`;
    }),
  ];
}
