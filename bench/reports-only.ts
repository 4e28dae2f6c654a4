/**
 * Only the report-card and answers-export benchmarks (bench/reports.ts) on the
 * synthetic national cycle, on PGlite and, when reachable, PostgreSQL; prints the
 * section and replaces it in docs/benchmarks.md (the other sections are kept).
 *   node bench/reports-only.ts [--pglite-only] [--no-write]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DatabaseConfig, openDatabase } from '../src/db/database.ts';
import { listEntities } from '../src/db/repos/entities.ts';
import { serviceContext } from '../src/services/container.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { loadCycle, requireInstrument } from '../src/services/cycles.ts';
import { importAnswers } from '../src/services/imports/import-answers.ts';
import { defaultCatalog } from '../src/services/instrument-catalog.ts';
import { prepareDatabase } from '../src/services/setup.ts';
import { replaceSection } from './markdown.ts';
import { nationalAnswers, pickEntities, writeCsv } from './national.ts';
import { answersFloor, benchAnswersExport, benchReportCards, type ReportRow, reportSection } from './reports.ts';

const YEAR = 2023;
const catalog = defaultCatalog();
const work = mkdtempSync(path.join(os.tmpdir(), 'patuh-bench-reports-'));
const csv = path.join(work, 'national-answers.csv');
const rows: ReportRow[] = [];

/** Imports the national cycle, then runs the measures; the export child runs with the database closed here. */
async function backend(label: string, config: DatabaseConfig): Promise<void> {
  const h = await openDatabase(config);
  let open = true;
  try {
    await prepareDatabase(h.db);
    const ctx = serviceContext(h, catalog);
    const cycle = await loadCycle(ctx, YEAR);
    await h.db
      .updateTable('cycles')
      .set({ settings: JSON.stringify({ serviceUsersPerUnit: 30 }) })
      .where('id', '=', cycle.id)
      .execute();
    process.stderr.write(`[${label}] importing the national cycle\n`);
    await importAnswers(ctx, csv, YEAR, { by: 'bench' });
    rows.push(await benchReportCards(label, ctx, YEAR));
    const floor = await answersFloor(ctx, YEAR);
    await h.close();
    open = false;
    rows.push(benchAnswersExport(label, config, YEAR, floor));
  } finally {
    if (open) await h.close();
  }
}

try {
  {
    const h = await openDatabase({ kind: 'pglite', dataDir: null });
    await prepareDatabase(h.db);
    const instrument = requireInstrument(await loadCycle(serviceContext(h, catalog), YEAR));
    await writeCsv(csv, nationalAnswers(instrument, pickEntities(await listEntities(h.db), YEAR), 30));
    await h.close();
  }
  await backend('PGlite', { kind: 'pglite', dataDir: path.join(work, 'pglite') });
  const url = process.env.PATUH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!process.argv.includes('--pglite-only')) {
    const name = `patuh_bench_reports_${process.pid}`;
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
      try {
        await backend('PostgreSQL', { kind: 'postgres', url: u.toString() });
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
      }
    }
    await admin.end().catch(() => {});
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const section = reportSection(rows);
console.log(section.join('\n'));
if (!process.argv.includes('--no-write')) {
  const file = path.resolve(import.meta.dirname, '../docs/benchmarks.md');
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  writeFileSync(file, replaceSection(doc, section));
}
