/**
 * Every answer of a cycle as CSV, written with flat memory by the database's COPY:
 *   PostgreSQL  COPY (SELECT …) TO STDOUT WITH CSV, one stream piped to the output;
 *   PGlite      COPY … TO '/dev/blob' over ranges of units (PGlite has no COPY stream),
 *               each chunk written before the next is read;
 *   otherwise   (a transaction, a test double) keyset-paged reads.
 * The database sends each answer as `unit_id,indicator,respondent,value`; the unit's
 * columns (cycle, entity code and name, unit name, synthetic flag) are a dictionary
 * of a few thousand lines read first, and each line is expanded with them here. On
 * this machine a COPY with the joins runs at ~0.9M answers/s because one backend
 * joins and formats every wide row; copying the narrow rows and expanding them in
 * Node, on the other core, runs at ~1.7M/s and writes the same bytes (ADR 0003).
 */
import { once } from 'node:events';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { sql } from 'kysely';
import { to as copyTo } from 'pg-copy-streams';
import { type Database, rawDriver } from '../database.ts';

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

/** A CSV field as PostgreSQL's COPY writes a text that is not NULL: quoted when it must be. */
export function csvField(v: string): string {
  if (v === '' || v === '\\.') return `"${v}"`;
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

interface UnitParts {
  /** "cycle,entity_code,entity_name,unit," */
  head: string;
  /** ",synthetic\n" */
  tail: string;
}

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
      head: `${r.year},${csvField(r.code)},${csvField(r.entity)},${csvField(r.name)},`,
      tail: r.synthetic ? ',true\n' : ',false\n',
    });
  }
  return out;
}

/** The narrow rows the database sends: CSV lines `unit_id,indicator,respondent,value`. */
function narrowSelect(cycleId: number, unitRange?: { from: number; to: number }): string {
  if (!Number.isSafeInteger(cycleId)) throw new RangeError(`cycle id ${cycleId}`);
  const range = unitRange ? `and unit_id between ${unitRange.from | 0} and ${unitRange.to | 0}` : '';
  // an empty respondent (observation items) as NULL: written as an empty field, so most lines need no quotes
  return `select unit_id, indicator, nullif(respondent, ''), coalesce(value::text, 'NA') from answers where cycle_id = ${cycleId} ${range}`;
}

/**
 * Expands narrow CSV lines into answer lines. Text arrives in arbitrary pieces; a
 * line ends at a newline outside quotes (a respondent key may hold a quoted newline).
 */
export class AnswerLineExpander {
  rows = 0;
  private carry = '';
  private readonly decoder = new StringDecoder('utf8');
  private readonly parts: ReadonlyMap<number, UnitParts>;
  constructor(parts: ReadonlyMap<number, UnitParts>) {
    this.parts = parts;
  }

  push(chunk: Buffer): string {
    const text = this.carry + this.decoder.write(chunk);
    let out = '';
    let start = 0;
    // the next quote character, searched again only once passed (searching per line would rescan the chunk)
    let quote = text.indexOf('"');
    if (quote === -1) quote = Number.POSITIVE_INFINITY;
    for (;;) {
      let nl = text.indexOf('\n', start);
      if (nl === -1) break;
      if (quote < start) {
        quote = text.indexOf('"', start);
        if (quote === -1) quote = Number.POSITIVE_INFINITY;
      }
      if (quote < nl) {
        nl = this.lineEnd(text, start);
        if (nl === -1) break;
      }
      const comma = text.indexOf(',', start);
      const p = this.parts.get(Number(text.slice(start, comma)));
      if (!p) throw new Error(`answer of unit ${text.slice(start, comma)} has no unit in the cycle`);
      out += p.head + text.slice(comma + 1, nl) + p.tail;
      this.rows += 1;
      start = nl + 1;
    }
    this.carry = text.slice(start);
    return out;
  }

  /** End of a line with quotes: the first newline after an even number of quote characters. */
  private lineEnd(text: string, start: number): number {
    let inQuotes = false;
    for (let i = start; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 34) inQuotes = !inQuotes;
      else if (ch === 10 && !inQuotes) return i;
    }
    return -1;
  }

  end(): void {
    if (this.carry + this.decoder.end() !== '') throw new Error('the answers stream ended inside a line');
  }
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (chunk !== '' && !out.write(chunk)) await once(out, 'drain');
}

async function finish(out: Writable): Promise<void> {
  out.end();
  await once(out, 'finish');
}

/** Writes the cycle's answers as CSV (header first) to `out`, and ends it. */
export async function copyAnswersCsv(
  db: Database,
  cycleId: number,
  out: Writable,
  onProgress?: (rows: number) => void,
): Promise<CopyReport> {
  const parts = await unitParts(db, cycleId);
  const lines = new AnswerLineExpander(parts);
  const driver = rawDriver(db);
  if (driver?.kind === 'postgres') {
    const client = await driver.pool.connect();
    try {
      await write(out, `${ANSWER_COLUMNS.join(',')}\n`);
      const expand = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          try {
            const text = lines.push(chunk);
            onProgress?.(lines.rows);
            done(null, text);
          } catch (e) {
            done(e as Error);
          }
        },
        flush(done) {
          try {
            lines.end();
            done();
          } catch (e) {
            done(e as Error);
          }
        },
      });
      await pipeline(client.query(copyTo(`COPY (${narrowSelect(cycleId)}) TO STDOUT WITH (FORMAT csv)`)), expand, out);
      return { rows: lines.rows, method: 'postgres-copy' };
    } finally {
      client.release();
    }
  }
  await write(out, `${ANSWER_COLUMNS.join(',')}\n`);
  if (driver?.kind === 'pglite') {
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
    let text = '';
    for (const r of page.rows) {
      const p = parts.get(r.unit_id);
      if (!p) throw new Error(`answer ${r.id} has no unit in the cycle`);
      const respondent = r.respondent === '' ? '' : csvField(r.respondent);
      text += `${p.head}${csvField(r.indicator)},${respondent},${r.value ?? 'NA'}${p.tail}`;
    }
    await write(out, text);
    rows += page.rows.length;
    after = Number(last.id);
    onProgress?.(rows);
  }
}
