/**
 * Run by test/integration/upgrade.test.ts inside a copy of commit 028e51d (the main
 * before assessments): makes a database as that version did, with its migrations,
 * setup, the 2022 demo and imported 2023/2024 results, then writes the results of
 * 2022–2024 as that version computed them. Argv: a JSON of { database, csv2023,
 * csv2024, out }. Its imports resolve inside the copy, so it is never type-checked
 * against today's code.
 */
import { writeFileSync } from 'node:fs';
import { openDatabase } from '../../../src/db/database.ts';
import { loadDemoIfEmpty } from '../../../src/services/demo.ts';
import { importResults } from '../../../src/services/imports/import-results.ts';
import { defaultCatalog } from '../../../src/services/instrument-catalog.ts';
// imports the modules as they were at 028e51d (this file runs inside that tree)
import { cycleResults } from '../../../src/services/results.ts';
import { prepareDatabase } from '../../../src/services/setup.ts';

const args = JSON.parse(process.argv[2] ?? '{}');
const handle = await openDatabase(args.database);
try {
  const catalog = defaultCatalog();
  await prepareDatabase(handle.db, catalog);
  const ctx = { db: handle.db, catalog };
  await loadDemoIfEmpty(ctx);
  await importResults(ctx, args.csv2023, 2023);
  await importResults(ctx, args.csv2024, 2024);
  const out: Record<string, unknown> = {};
  for (const year of [2022, 2023, 2024]) out[year] = (await cycleResults(ctx, year)).results;
  writeFileSync(args.out, JSON.stringify(out));
} finally {
  await handle.close();
}
