import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';

const dir = mkdtempSync(path.join(tmpdir(), 'patuh-test-'));
let n = 0;

/** Writes rows (header first) as a CSV file in a temporary folder and returns its path. */
export function csvFile(rows: ReadonlyArray<ReadonlyArray<string | number>>, name = 'data'): string {
  n += 1;
  const file = path.join(dir, `${name}-${n}.csv`);
  writeFileSync(file, stringify(rows.map((r) => r.map(String))));
  return file;
}

export function rawFile(content: string | Buffer, name: string): string {
  n += 1;
  const file = path.join(dir, `${n}-${name}`);
  writeFileSync(file, content);
  return file;
}
