/**
 * `npm run bench -- --fuzz`: only the hostile-input run (bench/fuzz.ts); replaces its
 * section of docs/benchmarks.md (the others are kept). Exits 1 when any answer was a 5xx.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchFuzzBackends, fuzzSection } from './fuzz.ts';
import { replaceSection } from './markdown.ts';

const rows = await benchFuzzBackends();
const section = fuzzSection(rows);
console.log(section.join('\n'));
for (const r of rows) for (const f of r.fiveXX) process.stderr.write(`${JSON.stringify(f)}\n`);
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
if (rows.some((r) => r.fiveXX.length > 0)) process.exitCode = 1;
