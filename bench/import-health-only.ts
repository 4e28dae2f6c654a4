/**
 * Runs only the /health-during-import benchmark and replaces its section of
 * docs/benchmarks.md (the others are kept). PATUH_BENCH_BACKENDS picks pglite, postgres.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchImportHealth, importHealthSection } from './import-health.ts';
import { replaceSection } from './markdown.ts';

const section = importHealthSection(await benchImportHealth());
console.log(section.join('\n'));
if (!process.argv.includes('--no-write')) {
  const file = path.resolve(import.meta.dirname, '../docs/benchmarks.md');
  let doc = '';
  try {
    doc = readFileSync(file, 'utf8');
  } catch {
    doc = '# Benchmarks\n';
  }
  writeFileSync(file, replaceSection(doc, section));
}
