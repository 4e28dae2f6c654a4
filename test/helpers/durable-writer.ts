/**
 * A child process for the durability test (test/integration/durability.test.ts):
 * opens a PGlite folder, then makes N acknowledged writes (one commit each). Before
 * the first and after each acknowledgement it tries to open a marker path that does
 * not exist (`<folder>.ack-<i>`), so that a trace of system calls shows which flush
 * calls came before which acknowledgement.
 *   node durable-writer.ts patuh|stock FOLDER N
 * patuh: the database as Patuh opens it (openDatabase); stock: PGlite's defaults.
 */
import { openSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/database.ts';

const [mode, folder, count] = process.argv.slice(2);
if (!folder || (mode !== 'patuh' && mode !== 'stock')) throw new Error('usage: durable-writer.ts patuh|stock FOLDER N');
const n = Number(count ?? 10);

const mark = (i: number) => {
  try {
    openSync(`${folder}.ack-${i}`, 'r');
  } catch {
    // it never exists: the attempt is the mark
  }
};

let write: (value: string) => Promise<unknown>;
let close: () => Promise<void>;
if (mode === 'patuh') {
  const handle = await openDatabase({ kind: 'pglite', dataDir: folder });
  const { db } = handle;
  await sql`create table if not exists written (id serial primary key, v text not null)`.execute(db);
  write = (value) => sql`insert into written (v) values (${value})`.execute(db);
  close = () => handle.close();
} else {
  const pglite = new PGlite(folder);
  await pglite.waitReady;
  await pglite.exec('create table if not exists written (id serial primary key, v text not null)');
  write = (value) => pglite.query('insert into written (v) values ($1)', [value]);
  close = () => pglite.close();
}

mark(0);
for (let i = 1; i <= n; i++) {
  await write(`write ${i}`);
  mark(i); // write i is acknowledged
}
await close();
