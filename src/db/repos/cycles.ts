import { sql } from 'kysely';
import type { CycleStatus } from '../../domain/cycle/lifecycle.ts';
import type { Database } from '../database.ts';

export { CYCLE_STATUSES, type CycleStatus } from '../../domain/cycle/lifecycle.ts';

export interface CycleRow {
  id: number;
  year: number;
  edition: string | null;
  bandScheme: string;
  status: CycleStatus;
  settings: { serviceUsersPerUnit?: number; objectionDays?: number; followUpItems?: number; referenceDate?: string };
}

const columns = ['id', 'year', 'edition', 'band_scheme', 'status', 'settings'] as const;

function toRow(r: {
  id: number;
  year: number;
  edition: string | null;
  band_scheme: string;
  status: string;
  settings: CycleRow['settings'];
}): CycleRow {
  return {
    id: r.id,
    year: r.year,
    edition: r.edition,
    bandScheme: r.band_scheme,
    status: r.status as CycleStatus,
    settings: r.settings,
  };
}

export async function findCycleByYear(db: Database, year: number): Promise<CycleRow | undefined> {
  const r = await db.selectFrom('cycles').select(columns).where('year', '=', year).executeTakeFirst();
  return r && toRow(r);
}

export async function listCycles(db: Database): Promise<CycleRow[]> {
  const rows = await db.selectFrom('cycles').select(columns).orderBy('year').execute();
  return rows.map(toRow);
}

export async function insertCycleIfMissing(db: Database, c: Omit<CycleRow, 'id'>): Promise<void> {
  await db
    .insertInto('cycles')
    .values({
      year: c.year,
      edition: c.edition,
      band_scheme: c.bandScheme,
      status: c.status,
      settings: JSON.stringify(c.settings),
    })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
}

/** Inserts a new cycle; returns undefined when the year is taken. */
export async function insertCycle(db: Database, c: Omit<CycleRow, 'id'>): Promise<CycleRow | undefined> {
  const r = await db
    .insertInto('cycles')
    .values({
      year: c.year,
      edition: c.edition,
      band_scheme: c.bandScheme,
      status: c.status,
      settings: JSON.stringify(c.settings),
    })
    .onConflict((oc) => oc.column('year').doNothing())
    .returning(columns)
    .executeTakeFirst();
  return r && toRow(r);
}

/** Moves a cycle from one status to another; undefined when it was no longer in `from` (a concurrent move). */
export async function updateCycleStatus(
  db: Database,
  id: number,
  from: CycleStatus,
  to: CycleStatus,
): Promise<CycleRow | undefined> {
  const r = await db
    .updateTable('cycles')
    .set({ status: to })
    .where('id', '=', id)
    .where('status', '=', from)
    .returning(columns)
    .executeTakeFirst();
  return r && toRow(r);
}

/** Records that the cycle moved to final now: its results went to the entities (the objection window opens). */
export async function markCycleFinal(db: Database, id: number): Promise<void> {
  await db.updateTable('cycles').set({ final_at: sql`now()` }).where('id', '=', id).execute();
}

/** When the cycle last moved to final; null when it never did (e.g. history imported as published). */
export async function findCycleFinalAt(db: Database, id: number): Promise<Date | null> {
  const r = await db.selectFrom('cycles').select('final_at').where('id', '=', id).executeTakeFirst();
  return r?.final_at ?? null;
}
