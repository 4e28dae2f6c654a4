/**
 * npm run bench -- runs everything; `node bench/sync-only.ts` runs only the sync
 * benchmark and replaces its section of docs/benchmarks.md (the others are kept).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { replaceSection } from './markdown.ts';
import { benchSyncBackends } from './run-sync.ts';
import { syncSection } from './sync.ts';

const rows = await benchSyncBackends();
const section = syncSection(rows);
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
