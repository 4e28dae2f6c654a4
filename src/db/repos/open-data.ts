/**
 * Every answer of a cycle as CSV, written with flat memory by the database's COPY:
 *   PostgreSQL  COPY (SELECT …) TO STDOUT, read frame by frame (copy-out.ts);
 *   PGlite      COPY … TO '/dev/blob' over ranges of units (PGlite has no COPY stream),
 *               each chunk written before the next is read;
 *   otherwise   (a transaction, a test double) keyset-paged reads.
 * The database sends each answer as the CSV line `unit_id,indicator,respondent,value`;
 * the unit's columns (cycle, entity code and name, unit name, synthetic flag) are a
 * dictionary of a few thousand entries read first, and each line is expanded with them
 * here. A COPY with the joins ran at ~0.9M answers/s on the bench machine (one backend
 * joins and formats every wide row); the narrow rows expanded in Node, on the other core,
 * and read frame by frame (copy-out.ts), give the same bytes at ~1.7M/s (ADR 0003).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { FORMULA_TRIGGER_REGEX, neutralizeCell } from '../../domain/text/cells.ts';
import { ByteWriter, CopyOutStream } from '../copy-out.ts';
import type { Database, RawDriver } from '../database.ts';

export const ANSWER_COLUMNS = [
  'cycle',
  'entity_code',
  'entity_name',
  'unit',
  'indicator',
  'respondent',
  'value',
  'synthetic',
] as const;

export interface CopyReport {
  rows: number;
  method: 'postgres-copy' | 'pglite-copy' | 'paged-select';
}

/**
 * A CSV field as PostgreSQL's COPY writes a text that is not NULL: quoted when it must be,
 * and with a single quote before a text that starts like a formula (domain/text/cells.ts).
 */
export function csvField(text: string): string {
  const v = neutralizeCell(text);
  if (v === '' || v === '\\.') return `"${v}"`;
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** The respondent column as the database sends it: NULL when empty, neutralised as csvField does. */
const RESPONDENT_SQL = `case when respondent = '' then null when respondent ~ E'${FORMULA_TRIGGER_REGEX.replace('\t', '\\t').replace('\r', '\\r')}' then '''' || respondent else respondent end`;

export interface UnitParts {
  /** "cycle,entity_code,entity_name,unit," (UTF-8) */
  head: Buffer;
  /** ",synthetic\n" */
  tail: Buffer;
}

const TRUE_TAIL = Buffer.from(',true\n');
const FALSE_TAIL = Buffer.from(',false\n');

async function unitParts(db: Database, cycleId: number): Promise<Map<number, UnitParts>> {
  const rows = await db
    .selectFrom('units as u')
    .innerJoin('entities as e', 'e.id', 'u.entity_id')
    .innerJoin('cycles as c', 'c.id', 'u.cycle_id')
    .select(['u.id', 'c.year', 'e.code', 'e.name as entity', 'u.name', 'u.synthetic'])
    .where('u.cycle_id', '=', cycleId)
    .execute();
  const out = new Map<number, UnitParts>();
  for (const r of rows) {
    out.set(r.id, {
      head: Buffer.from(`${r.year},${csvField(r.code)},${csvField(r.entity)},${csvField(r.name)},`),
      tail: r.synthetic ? TRUE_TAIL : FALSE_TAIL,
    });
  }
  return out;
}

/** The narrow rows the database sends: CSV lines `unit_id,indicator,respondent,value`. */
function narrowSelect(cycleId: number, unitRange?: { from: number; to: number }): string {
  if (!Number.isSafeInteger(cycleId)) throw new RangeError(`cycle id ${cycleId}`);
  const range = unitRange ? `and unit_id between ${unitRange.from | 0} and ${unitRange.to | 0}` : '';
  // an empty respondent (observation items) as NULL: written as an empty field, so most lines need no quotes
  return `select unit_id, indicator, ${RESPONDENT_SQL}, coalesce(value::text, 'NA') from answers where cycle_id = ${cycleId} ${range}`;
}

/**
 * Writes one answer line: src[start, end) is a narrow line `unit_id,indicator,respondent,value\n`
 * (end is past its newline); the unit's head and tail go around the rest of it.
 */
export function expandLine(
  parts: ReadonlyMap<number, UnitParts>,
  src: Buffer,
  start: number,
  end: number,
  out: ByteWriter,
): void {
  let i = start;
  let id = 0;
  for (let ch = src[i]; ch !== 44; ch = src[++i]) {
    if (ch === undefined || ch < 48 || ch > 57) throw new Error(`a narrow answer line must start with a unit id`);
    id = id * 10 + ch - 48;
  }
  const p = parts.get(id);
  if (!p) throw new Error(`answer of unit ${id} has no unit in the cycle`);
  out.bytes(p.head);
  out.range(src, i + 1, end - 1);
  out.bytes(p.tail);
}

/**
 * Expands narrow CSV text that arrives in arbitrary pieces (PGlite's blobs). A line ends
 * at a newline outside quotes (a respondent key may hold a quoted newline).
 */
export class AnswerLineExpander {
  rows = 0;
  private carry: Buffer | null = null;
  private readonly out = new ByteWriter();
  private readonly parts: ReadonlyMap<number, UnitParts>;
  constructor(parts: ReadonlyMap<number, UnitParts>) {
    this.parts = parts;
  }

  push(chunk: Buffer): Buffer {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    let start = 0;
    // the next quote character, searched again only once passed (searching per line would rescan the chunk)
    let quote = -1;
    for (;;) {
      let nl = buf.indexOf(10, start);
      if (nl === -1) break;
      if (quote < start) {
        quote = buf.indexOf(34, start);
        if (quote === -1) quote = Number.POSITIVE_INFINITY;
      }
      if (quote < nl) {
        nl = lineEnd(buf, start);
        if (nl === -1) break;
      }
      expandLine(this.parts, buf, start, nl + 1, this.out);
      this.rows += 1;
      start = nl + 1;
    }
    if (start < buf.length) this.carry = Buffer.from(buf.subarray(start));
    return this.out.take();
  }

  end(): void {
    if (this.carry !== null) throw new Error('the answers stream ended inside a line');
  }
}

/** End of a line with quotes: the first newline after an even number of quote characters. */
function lineEnd(buf: Buffer, start: number): number {
  let inQuotes = false;
  for (let i = start; i < buf.length; i++) {
    const ch = buf[i];
    if (ch === 34) inQuotes = !inQuotes;
    else if (ch === 10 && !inQuotes) return i;
  }
  return -1;
}

async function write(out: Writable, chunk: Buffer | string): Promise<void> {
  if (chunk.length > 0 && !out.write(chunk)) await once(out, 'drain');
}

async function finish(out: Writable): Promise<void> {
  out.end();
  await once(out, 'finish');
}

/** Writes the cycle's answers as CSV (header first) to `out`, and ends it. */
export async function copyAnswersCsv(
  db: Database,
  /** the driver under `db` (COPY on PostgreSQL and PGlite); without it, rows are read through Kysely */
  driver: RawDriver | undefined,
  cycleId: number,
  out: Writable,
  onProgress?: (rows: number) => void,
): Promise<CopyReport> {
  const parts = await unitParts(db, cycleId);
  if (driver?.kind === 'postgres') {
    const client = await driver.pool.connect();
    try {
      await write(out, `${ANSWER_COLUMNS.join(',')}\n`);
      const rows = new CopyOutStream(
        `COPY (${narrowSelect(cycleId)}) TO STDOUT WITH (FORMAT csv)`,
        (src, start, end, w) => expandLine(parts, src, start, end, w),
      );
      if (onProgress) rows.on('data', () => onProgress(rows.rows));
      await pipeline(client.query(rows), out);
      return { rows: rows.rows, method: 'postgres-copy' };
    } finally {
      client.release();
    }
  }
  await write(out, `${ANSWER_COLUMNS.join(',')}\n`);
  if (driver?.kind === 'pglite') {
    const lines = new AnswerLineExpander(parts);
    const ids = [...parts.keys()].sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i += PGLITE_UNITS) {
      const range = { from: ids[i] ?? 0, to: ids[Math.min(ids.length, i + PGLITE_UNITS) - 1] ?? 0 };
      const res = await driver.pglite.query(`COPY (${narrowSelect(cycleId, range)}) TO '/dev/blob' WITH (FORMAT csv)`);
      if (res.blob) await write(out, lines.push(Buffer.from(await res.blob.arrayBuffer())));
      onProgress?.(lines.rows);
    }
    lines.end();
    await finish(out);
    return { rows: lines.rows, method: 'pglite-copy' };
  }
  const rows = await pagedAnswers(db, cycleId, parts, out, onProgress);
  await finish(out);
  return { rows, method: 'paged-select' };
}

/** units per PGlite COPY chunk: ~150 units ≈ 30,000 answers ≈ 1 MB */
const PGLITE_UNITS = 150;

async function pagedAnswers(
  db: Database,
  cycleId: number,
  parts: ReadonlyMap<number, UnitParts>,
  out: Writable,
  onProgress?: (rows: number) => void,
): Promise<number> {
  let after = 0;
  let rows = 0;
  for (;;) {
    const page = await sql<{
      id: number;
      unit_id: number;
      indicator: string;
      respondent: string;
      value: number | null;
    }>`
      select id, unit_id, indicator, respondent, value from answers
      where cycle_id = ${cycleId} and id > ${after} order by id limit 20000`.execute(db);
    const last = page.rows[page.rows.length - 1];
    if (!last) return rows;
    const text: Buffer[] = [];
    for (const r of page.rows) {
      const p = parts.get(r.unit_id);
      if (!p) throw new Error(`answer ${r.id} has no unit in the cycle`);
      const respondent = r.respondent === '' ? '' : csvField(r.respondent);
      text.push(p.head, Buffer.from(`${csvField(r.indicator)},${respondent},${r.value ?? 'NA'}`), p.tail);
    }
    await write(out, Buffer.concat(text));
    rows += page.rows.length;
    after = Number(last.id);
    onProgress?.(rows);
  }
}
