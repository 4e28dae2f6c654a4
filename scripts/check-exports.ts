/**
 * Opens the open-data exports in other programs and compares their numbers with
 * cycleResults (what `patuh results --json` prints): issue 5's "exports open in
 * LibreOffice and in another CSV reader with the same numbers". Not part of
 * `npm test` (LibreOffice is a 300 MB install that CI machines do not have); run it
 * by hand where `soffice` and `python3` are installed:
 *
 *   apt-get install -y --no-install-recommends libreoffice-calc-nogui
 *   npm run check:exports
 *
 * What it does, on an in-memory PGlite database with the synthetic demo cycle (2022)
 * and a published entity whose unit name holds a comma:
 *   1. exports results at entity and unit level as CSV and XLSX (the same code as
 *      `patuh export results` and the dashboard's download links);
 *   2. LibreOffice Calc (headless) opens each file and saves it as CSV, so every value
 *      is read by LibreOffice's own CSV and XLSX importers;
 *   3. Python's csv module (another CSV reader) reads the original CSVs and
 *      LibreOffice's; every entity's code, score (to the hundredth), category and zone,
 *      and every unit's score, must equal cycleResults.
 * Exits 0 when everything matches, 1 naming each difference, 2 when a program is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/database.ts';
import { serviceContext } from '../src/services/container.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { loadDemoIfEmpty } from '../src/services/demo.ts';
import { exportResults } from '../src/services/exports/results-export.ts';
import { importResults } from '../src/services/imports/import-results.ts';
import { defaultCatalog } from '../src/services/instrument-catalog.ts';
import { cycleResults } from '../src/services/results/results.ts';
import { prepareDatabase } from '../src/services/setup.ts';

const YEAR = 2022;

function need(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    console.error(`${cmd} is needed (${r.error?.message ?? r.stderr.trim()})`);
    process.exit(2);
  }
}

/** Python's csv module reads the file: rows as lists of strings. */
function pythonCsv(file: string): string[][] {
  const program =
    'import csv,json,sys\nprint(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig")))))';
  const r = spawnSync('python3', ['-c', program, file], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`python3 could not read ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[][];
}

/** LibreOffice Calc opens the file and saves its first sheet as UTF-8 CSV (comma, double quotes). */
function throughLibreOffice(file: string, outDir: string): string {
  const profile = `file://${path.join(outDir, 'lo-profile')}`;
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76',
      '--outdir',
      outDir,
      file,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const out = path.join(outDir, `${path.basename(file, path.extname(file))}.csv`);
  if (r.status !== 0) throw new Error(`LibreOffice could not convert ${file}: ${r.stderr}`);
  return out;
}

need('soffice', ['--version']);
need('python3', ['--version']);

const work = mkdtempSync(path.join(tmpdir(), 'patuh-check-exports-'));
const handle = await openDatabase({ kind: 'pglite', dataDir: null });
const problems: string[] = [];
let checked = 0;
try {
  const ctx = serviceContext(handle, defaultCatalog());
  await prepareDatabase(handle.db);
  await loadDemoIfEmpty(ctx);
  const fixture = path.join(work, 'published.csv');
  writeFileSync(
    fixture,
    'entity,unit,score\nKabupaten Bogor,Dinas Kesehatan,90.10\nKabupaten Bogor,"Puskesmas Cibinong, Timur",85.005\n',
  );
  await importResults(ctx, fixture, YEAR);
  const { results } = await cycleResults(ctx, YEAR);
  const entities = new Map(results.map((r) => [r.entity.code, r]));
  const units = new Map<string, number | null>(
    results.flatMap((r) => r.units.map((u) => [`${r.entity.code}|${u.name}`, u.score] as const)),
  );

  for (const level of ['entity', 'unit'] as const) {
    for (const format of ['csv', 'xlsx'] as const) {
      const file = path.join(work, `${level}-${format}.${format}`);
      await exportResults(ctx, YEAR, file, { format, level });
      const readers: Array<[string, string[][]]> = [];
      if (format === 'csv') readers.push([`python csv ← ${path.basename(file)}`, pythonCsv(file)]);
      const lo = throughLibreOffice(file, path.join(work, `lo-${level}-${format}`));
      readers.push([`LibreOffice ← ${path.basename(file)} → python csv`, pythonCsv(lo)]);
      for (const [reader, rows] of readers) {
        const [head = [], ...body] = rows;
        const col = (name: string) => head.indexOf(name);
        const seen = new Set<string>();
        for (const [i, row] of body.entries()) {
          const code = row[col('entity_code')] ?? '';
          const r = entities.get(code);
          const where = `${reader}, row ${i + 2}`;
          if (!r) {
            problems.push(`${where}: entity ${code} is not in cycleResults`);
            continue;
          }
          if (level === 'entity') {
            seen.add(code);
            const got = [Number(row[col('score')]).toFixed(2), row[col('category')], row[col('zone')]];
            const want = [r.score.toFixed(2), r.category ?? '', r.zone];
            if (got.join('|') !== want.join('|')) problems.push(`${where}: ${got.join(' ')} ≠ ${want.join(' ')}`);
          } else {
            const key = `${code}|${row[col('unit_name')]}`;
            seen.add(key);
            const want = units.get(key);
            const got = Number(row[col('unit_score')]);
            if (want === undefined) problems.push(`${where}: unit ${key} is not in cycleResults`);
            else if (want !== null && got.toFixed(2) !== want.toFixed(2))
              problems.push(`${where}: ${key} ${got.toFixed(2)} ≠ ${want.toFixed(2)}`);
          }
          checked += 1;
        }
        const expected = level === 'entity' ? entities.size : units.size;
        if (seen.size !== expected)
          problems.push(`${reader}: ${seen.size} ${level} rows, cycleResults has ${expected}`);
        console.log(`${problems.length === 0 ? 'ok  ' : '    '} ${reader}: ${body.length} rows`);
      }
    }
  }
} finally {
  await handle.close();
  if (problems.length === 0) rmSync(work, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(`${problems.length} difference(s) (files kept in ${work}):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`the same numbers as cycleResults in every reader (${checked} rows compared)`);
