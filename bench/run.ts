/**
 * npm run bench — performance targets as ratios against floors measured in the same
 * run, on this machine. Writes docs/benchmarks.md. Never part of the tests.
 *
 *   import     vs  a batched INSERT of the same rows         target ≤ 2×
 *   recompute  vs  reading the answers table                target ≤ 1.5× and < 2 s
 *   peak RSS   reported
 *   report cards and the answers export (issue 5): bench/reports.ts
 *   the sync endpoint over HTTP (issue 4): bench/sync.ts (alone: node bench/sync-only.ts)
 *   /health during a 1M-row import (issue 12): bench/import-health.ts (alone: node bench/import-health-only.ts)
 *   hostile input, 20,000 requests (issue 12): bench/fuzz.ts (alone: npm run bench -- --fuzz)
 * Runs on PGlite (embedded) and, when reachable, on PostgreSQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/database.ts';
import { listEntities } from '../src/db/repos/entities.ts';
import { serviceContext } from '../src/services/container.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { loadCycle, requireInstrument } from '../src/services/cycles.ts';
import { importAnswers } from '../src/services/imports/import-answers.ts';
import { defaultCatalog } from '../src/services/instrument-catalog.ts';
import { recomputeResults } from '../src/services/results/recompute.ts';
import { computeResults, cycleResults } from '../src/services/results/results.ts';
import { prepareDatabase } from '../src/services/setup.ts';
import { benchFuzzBackends, fuzzSection } from './fuzz.ts';
import { benchImportHealth, importHealthSection } from './import-health.ts';
import { nationalAnswers, pickEntities, writeCsv } from './national.ts';
import { answersFloor, benchAnswersExport, benchReportCards, type ReportRow, reportSection } from './reports.ts';
import { benchSyncBackends } from './run-sync.ts';
import { syncSection } from './sync.ts';

const YEAR = 2023;
const SERVICE_USERS = 30;

interface Row {
  /** the 1-minute load average when the figure was taken */
  load?: number;
  backend: string;
  measure: string;
  seconds: number;
  floor: string;
  floorSeconds: number;
  target: string;
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, (performance.now() - t0) / 1000];
}

/**
 * The floor for an import: the same rows written into the same table (same indexes,
 * constraints and foreign keys) by a plain batched INSERT of 1,000 rows a statement.
 * The cycle's answers are deleted first (not timed) and everything is rolled back.
 */
async function floorInsert(db: Database, cycleId: number): Promise<number> {
  let seconds = 0;
  await db
    .transaction()
    .execute(async (tx) => {
      const stored = await sql<{ unit_id: number; indicator: string; respondent: string; value: number | null }>`
        select unit_id, indicator, respondent, value from answers where cycle_id = ${cycleId}`.execute(tx);
      await sql`delete from answers where cycle_id = ${cycleId}`.execute(tx);
      const rows = stored.rows;
      const t0 = performance.now();
      for (let i = 0; i < rows.length; i += 1000) {
        const values = sql.join(
          rows
            .slice(i, i + 1000)
            .map((r) => sql`(${cycleId}, ${r.unit_id}, ${r.indicator}, ${r.respondent}, ${r.value}, 'bench', now())`),
        );
        await sql`insert into answers (cycle_id, unit_id, indicator, respondent, value, answered_by, answered_at) values ${values}`.execute(
          tx,
        );
      }
      seconds = (performance.now() - t0) / 1000;
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return seconds;
}

class Rollback extends Error {}

async function runBackend(label: string, ctx: ServiceContext, csv: string): Promise<Row[]> {
  const rows: Row[] = [];
  const cycle = await loadCycle(ctx, YEAR);
  await ctx.db
    .updateTable('cycles')
    .set({ settings: JSON.stringify({ serviceUsersPerUnit: SERVICE_USERS }) })
    .where('id', '=', cycle.id)
    .execute();

  process.stderr.write(`[${label}] importing ${csv}\n`);
  const [report, importSeconds] = await time(() => importAnswers(ctx, csv, YEAR, { by: 'bench' }));

  process.stderr.write(`[${label}] floor: batched INSERT of the same ${report.answers} rows\n`);
  const insertSeconds = await floorInsert(ctx.db, cycle.id);
  rows.push({
    load: os.loadavg()[0],
    backend: label,
    measure: `import ${report.answers.toLocaleString('en')} answers (CSV → validated → stored → recomputed)`,
    seconds: importSeconds,
    floor: 'batched INSERT of the same rows into the same table',
    floorSeconds: insertSeconds,
    target: '≤ 2×',
  });

  // floor for recompute: reading the answers table
  const [, readSeconds] = await time(async () => {
    const r = await sql`select unit_id, indicator, respondent, value from answers where cycle_id = ${cycle.id}`.execute(
      ctx.db,
    );
    return r.rows.length;
  });
  const [, recomputeSeconds] = await time(() =>
    ctx.db.transaction().execute((tx) => recomputeResults({ db: tx }, cycle, null)),
  );
  rows.push({
    load: os.loadavg()[0],
    backend: label,
    measure: 'full recompute of the cycle (tally, score 4,102 units, store)',
    seconds: recomputeSeconds,
    floor: 'reading the answers table',
    floorSeconds: readSeconds,
    target: '≤ 1.5× and < 2 s',
  });
  // results stored when written (issue 9, item 7): reading is an indexed read
  const cycleForResults = await loadCycle(ctx, YEAR);
  const [computed, computeSeconds] = await time(() => computeResults(ctx, cycleForResults));
  rows.push({
    load: os.loadavg()[0],
    backend: label,
    measure: `scoring, banding and ranking the whole cycle (${computed.length} entities; what a write stores)`,
    seconds: computeSeconds,
    floor: 'reading the answers table',
    floorSeconds: readSeconds,
    target: 'report only',
  });
  const [results, resultsSeconds] = await time(() => cycleResults(ctx, YEAR));
  rows.push({
    load: os.loadavg()[0],
    backend: label,
    measure: `reading the cycle's stored results (${results.results.length} entities)`,
    seconds: resultsSeconds,
    floor: 'scoring, banding and ranking the whole cycle',
    floorSeconds: computeSeconds,
    target: 'report only',
  });
  const codes = results.results.slice(0, 50).map((r) => r.entity.code);
  const [, oneSeconds] = await time(async () => {
    for (const code of codes) await cycleResults(ctx, YEAR, { entity: code });
  });
  rows.push({
    load: os.loadavg()[0],
    backend: label,
    measure: "one entity's stored result (mean of 50 reads)",
    seconds: oneSeconds / Math.max(codes.length, 1),
    floor: 'scoring, banding and ranking the whole cycle',
    floorSeconds: computeSeconds,
    target: 'report only; an indexed read',
  });
  return rows;
}

async function main() {
  const catalog = defaultCatalog();
  const work = mkdtempSync(path.join(os.tmpdir(), 'patuh-bench-'));
  const csv = path.join(work, 'national-answers.csv');
  const all: Row[] = [];
  const reports: ReportRow[] = [];
  try {
    const pgliteConfig = { kind: 'pglite', dataDir: path.join(work, 'pglite') } as const;
    const pglite = await openDatabase(pgliteConfig);
    await prepareDatabase(pglite.db);
    const ctx = serviceContext(pglite, catalog);
    const instrument = requireInstrument(await loadCycle(ctx, YEAR));
    const entities = pickEntities(await listEntities(pglite.db), YEAR);
    const n = await writeCsv(csv, nationalAnswers(instrument, entities, SERVICE_USERS));
    process.stderr.write(`synthetic national cycle: ${entities.length} entities, ${n} answers\n`);
    all.push(...(await runBackend('PGlite', ctx, csv)));
    reports.push(await benchReportCards('PGlite', ctx, YEAR));
    const pgliteFloor = await answersFloor(ctx, YEAR);
    await pglite.close(); // the export child opens the same folder
    reports.push(benchAnswersExport('PGlite', pgliteConfig, YEAR, pgliteFloor));

    const url = process.env.PATUH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `patuh_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    let reachable = true;
    try {
      await admin.connect();
      await admin.query(`create database ${name}`);
    } catch (e) {
      reachable = false;
      process.stderr.write(`PostgreSQL not reachable (${(e as Error).message}); skipping it\n`);
    }
    if (reachable) {
      const u = new URL(url);
      u.pathname = `/${name}`;
      const pgh = await openDatabase({ kind: 'postgres', url: u.toString() });
      try {
        await prepareDatabase(pgh.db);
        const pgCtx = serviceContext(pgh, catalog);
        all.push(...(await runBackend('PostgreSQL', pgCtx, csv)));
        reports.push(await benchReportCards('PostgreSQL', pgCtx, YEAR));
        const floor = await answersFloor(pgCtx, YEAR);
        reports.push(benchAnswersExport('PostgreSQL', { kind: 'postgres', url: u.toString() }, YEAR, floor));
      } finally {
        await pgh.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  // the sync endpoint runs its own fresh databases (PGlite, then PostgreSQL when reachable)
  const syncRows = await benchSyncBackends();
  // /health while a 1M-row import runs (its own fresh databases)
  const healthRows = await benchImportHealth();
  const fuzzRows = await benchFuzzBackends();
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const lines = [
    '| backend | measure | seconds | floor | floor s | ratio | target | load |',
    '|---|---|---:|---|---:|---:|---|---:|',
    ...all.map(
      (r) =>
        `| ${r.backend} | ${r.measure} | ${r.seconds < 0.1 ? r.seconds.toFixed(4) : r.seconds.toFixed(2)} | ${r.floor} | ${r.floorSeconds.toFixed(2)} | ${(r.seconds / r.floorSeconds).toFixed(r.seconds / r.floorSeconds < 0.01 ? 4 : 2)}× | ${r.target} | ${r.load?.toFixed(2) ?? '—'} |`,
    ),
  ];
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
  const report = [
    '# Benchmarks',
    '',
    'Measured by `npm run bench` (bench/run.ts). Each figure is a ratio against a floor measured in the same run on',
    'the same machine, so the ratios travel between machines better than the seconds do.',
    '',
    `Machine: ${machine}. Run: ${new Date().toISOString()}.`,
    '',
    '## Engine and data layer (issue 2)',
    '',
    ...lines,
    '',
    `Peak RSS of the whole run: ${rssMb.toFixed(0)} MB.`,
    '',
    ...reportSection(reports),
    '',
    ...syncSection(syncRows),
    '',
    ...importHealthSection(healthRows),
    ...fuzzSection(fuzzRows),
    '',
  ].join('\n');
  console.log(report);
  if (!process.argv.includes('--no-write'))
    writeFileSync(path.resolve(import.meta.dirname, '../docs/benchmarks.md'), report);
}

if (process.argv.includes('--fuzz')) await import('./fuzz-only.ts');
else await main();
