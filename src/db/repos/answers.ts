import { sql } from 'kysely';
import type { Tally } from '../../domain/scoring/score.ts';
import type { Database } from '../database.ts';

/** Answers in columns: what an import or a sync writes, in one batch per call. */
export interface AnswerColumns {
  unitId: number[];
  indicator: string[];
  respondent: string[];
  /** null = not applicable */
  value: Array<number | null>;
}

const BATCH = 20_000;

/**
 * Inserts or replaces answers (one per unit, indicator and respondent) in batches.
 * Callers run it inside their transaction; a batch is one statement.
 */
export async function upsertAnswers(
  db: Database,
  cycleId: number,
  cols: AnswerColumns,
  answeredBy: string,
  answeredAt: Date,
  onBatch?: (written: number) => void,
): Promise<void> {
  const n = cols.unitId.length;
  for (let i = 0; i < n; i += BATCH) {
    const end = Math.min(n, i + BATCH);
    await sql`
      insert into answers (cycle_id, unit_id, indicator, respondent, value, answered_by, answered_at)
      select ${cycleId}, t.u, t.i, t.r, t.v, ${answeredBy}, ${answeredAt}
      from unnest(${cols.unitId.slice(i, end)}::int[], ${cols.indicator.slice(i, end)}::text[],
                  ${cols.respondent.slice(i, end)}::text[], ${cols.value.slice(i, end)}::smallint[]) as t(u, i, r, v)
      on conflict (unit_id, indicator, respondent) do update
        set value = excluded.value, answered_by = excluded.answered_by, answered_at = excluded.answered_at`.execute(db);
    onBatch?.(end);
  }
}

/** Records who answered (one row per unit and respondent key). */
export async function upsertRespondents(
  db: Database,
  rows: { unitId: number[]; key: string[]; kind: string[] },
): Promise<void> {
  for (let i = 0; i < rows.unitId.length; i += BATCH) {
    const end = Math.min(rows.unitId.length, i + BATCH);
    await sql`
      insert into respondents (unit_id, key, kind)
      select * from unnest(${rows.unitId.slice(i, end)}::int[], ${rows.key.slice(i, end)}::text[], ${rows.kind.slice(i, end)}::text[])
      on conflict (unit_id, key) do nothing`.execute(db);
  }
}

export interface UnitTallies {
  unitId: number;
  tallies: Map<string, Tally>;
}

/**
 * Tallies answers per unit and indicator (sum and count of numeric answers, count
 * of NA) in the database: the raw material the scoring engine turns into scores.
 */
export async function tallyByUnit(db: Database, cycleId: number, unitIds?: readonly number[]): Promise<Map<number, Map<string, Tally>>> {
  const filter = unitIds ? sql`and unit_id = any(${[...unitIds]}::int[])` : sql``;
  const res = await sql<{ unit_id: number; indicator: string; s: number; c: number; na: number }>`
    select unit_id, indicator, coalesce(sum(value), 0)::int as s, count(value)::int as c,
           (count(*) - count(value))::int as na
    from answers where cycle_id = ${cycleId} ${filter}
    group by unit_id, indicator`.execute(db);
  const out = new Map<number, Map<string, Tally>>();
  for (const r of res.rows) {
    let m = out.get(r.unit_id);
    if (!m) {
      m = new Map();
      out.set(r.unit_id, m);
    }
    m.set(r.indicator, { sum: r.s, count: r.c, na: r.na });
  }
  return out;
}

export interface AnswerRow {
  indicator: string;
  respondent: string;
  value: number | null;
  answeredBy: string;
  answeredAt: Date;
}

export async function listUnitAnswers(db: Database, unitId: number): Promise<AnswerRow[]> {
  const rows = await db
    .selectFrom('answers')
    .select(['indicator', 'respondent', 'value', 'answered_by', 'answered_at'])
    .where('unit_id', '=', unitId)
    .orderBy('indicator')
    .orderBy('respondent')
    .execute();
  return rows.map((r) => ({
    indicator: r.indicator,
    respondent: r.respondent,
    value: r.value,
    answeredBy: r.answered_by,
    answeredAt: r.answered_at,
  }));
}

export async function countAnswers(db: Database, cycleId: number): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from answers where cycle_id = ${cycleId}`.execute(db);
  return r.rows[0]?.n ?? 0;
}
