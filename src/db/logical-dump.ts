/**
 * The database as rows of JSON, read and written by our own SQL so that a dump of
 * either kind (PGlite or PostgreSQL) loads into either kind (docs/backup.md):
 * `to_jsonb(t)` per row on the way out, `jsonb_populate_recordset` per batch on the
 * way in. Tables are found in the catalog (every table of the schema but Kysely's
 * own) and ordered so that a table comes after the tables it references.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

type Tx = Kysely<DB> | Transaction<DB>;

export interface TableInfo {
  name: string;
  /** primary key columns, in key order; [] when the table has none */
  key: string[];
}

export interface SequenceState {
  name: string;
  lastValue: number;
  isCalled: boolean;
}

/** Every table of the current schema (Kysely's own excepted), referenced tables first. */
export async function listTables(db: Tx): Promise<TableInfo[]> {
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
      and c.relname not like 'kysely\\_%'
    order by c.relname`.execute(db);
  const edges = await sql<{ child: string; parent: string }>`
    select ch.relname as child, pa.relname as parent from pg_constraint k
    join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
    where k.contype = 'f' and k.connamespace = current_schema()::regnamespace`.execute(db);
  const keys = await sql<{ table: string; column: string }>`
    select t.relname as table, a.attname as column from pg_index i
    join pg_class t on t.oid = i.indrelid
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indisprimary and t.relnamespace = current_schema()::regnamespace
    order by t.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db);
  const names = tables.rows.map((r) => r.name);
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges.rows) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const next = names.filter((n) => !placed.has(n) && [...(parents.get(n) ?? [])].every((p) => placed.has(p)));
    if (next.length === 0) throw new Error(`foreign keys form a cycle among ${names.filter((n) => !placed.has(n))}`);
    for (const n of next) {
      ordered.push(n);
      placed.add(n);
    }
  }
  return ordered.map((name) => ({
    name,
    key: keys.rows.filter((k) => k.table === name).map((k) => k.column),
  }));
}

/** Rows of a table as JSON text, `batch` at a time, in key order; call inside a transaction. */
export async function* readRows(tx: Transaction<DB>, table: TableInfo, batch = 2000): AsyncGenerator<string[]> {
  const order = table.key.length > 0 ? sql.join(table.key.map((k) => sql.id(k))) : sql`1`;
  const cursor = sql.id(`patuh_dump_${table.name}`);
  await sql`declare ${cursor} no scroll cursor for
    select to_jsonb(t)::text as j from ${sql.table(table.name)} t order by ${order}`.execute(tx);
  try {
    for (;;) {
      const { rows } = await sql<{ j: string }>`fetch forward ${sql.raw(String(batch))} from ${cursor}`.execute(tx);
      if (rows.length === 0) break;
      yield rows.map((r) => r.j);
    }
  } finally {
    await sql`close ${cursor}`.execute(tx);
  }
}

/** Inserts rows (JSON text of whole rows, as readRows gave them) into a table. */
export async function insertRows(tx: Transaction<DB>, table: string, rows: string[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`insert into ${sql.table(table)}
    select * from jsonb_populate_recordset(null::${sql.table(table)}, ${`[${rows.join(',')}]`}::jsonb)`.execute(tx);
}

export async function countRows(db: Tx, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
  return rows[0]?.n ?? 0;
}

export async function deleteRows(tx: Transaction<DB>, table: string): Promise<void> {
  await sql`delete from ${sql.table(table)}`.execute(tx);
}

/** Every sequence of the schema with where it stands (serial and bigserial columns). */
export async function readSequences(db: Tx): Promise<SequenceState[]> {
  const { rows } = await sql<{ name: string }>`
    select relname as name from pg_class
    where relkind = 'S' and relnamespace = current_schema()::regnamespace order by relname`.execute(db);
  const out: SequenceState[] = [];
  for (const { name } of rows) {
    const r = await sql<{ last_value: number | string; is_called: boolean }>`
      select last_value, is_called from ${sql.table(name)}`.execute(db);
    const row = r.rows[0];
    if (row) out.push({ name, lastValue: Number(row.last_value), isCalled: row.is_called });
  }
  return out;
}

export async function writeSequence(tx: Transaction<DB>, s: SequenceState): Promise<void> {
  await sql`select setval(${`"${s.name.replaceAll('"', '""')}"`}::regclass, ${s.lastValue}, ${s.isCalled})`.execute(tx);
}

/** Output that reads back exactly: shortest round-trip floats, timestamps in UTC. */
export async function setDumpSettings(tx: Transaction<DB>): Promise<void> {
  await sql`set local extra_float_digits = 3`.execute(tx);
  await sql`set local timezone = 'UTC'`.execute(tx);
}
