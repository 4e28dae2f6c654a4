import { sql } from 'kysely';
import type { CycleStatus } from '../../domain/cycle/lifecycle.ts';
import { LEVELS } from '../../domain/instrument/schema.ts';
import type { Database } from '../database.ts';

export { CYCLE_STATUSES, type CycleStatus } from '../../domain/cycle/lifecycle.ts';

export type Track = 'official' | 'self';

export interface CycleRow {
  id: number;
  year: number;
  /** unique; "<year>" for the cycles made before assessments (migration 0017) */
  code: string;
  track: Track;
  /** the levels of entity the assessment covers */
  levels: string[];
  /** a self-assessment's official assessment, whose units it shares; null for an official one */
  parentId: number | null;
  edition: string | null;
  bandScheme: string;
  status: CycleStatus;
  settings: { serviceUsersPerUnit?: number; objectionDays?: number; followUpItems?: number; referenceDate?: string };
}

const columns = [
  'id',
  'year',
  'code',
  'track',
  'levels',
  'parent_id',
  'edition',
  'band_scheme',
  'status',
  'settings',
] as const;

function toRow(r: {
  id: number;
  year: number;
  code: string;
  track: string;
  levels: string[];
  parent_id: number | null;
  edition: string | null;
  band_scheme: string;
  status: string;
  settings: CycleRow['settings'];
}): CycleRow {
  return {
    id: r.id,
    year: r.year,
    code: r.code,
    track: r.track as Track,
    levels: r.levels,
    parentId: r.parent_id,
    edition: r.edition,
    bandScheme: r.band_scheme,
    status: r.status as CycleStatus,
    settings: r.settings,
  };
}

/** The assessment whose code is the year: a cycle as it was before assessments (tests, setup). */
export async function findCycleByYear(db: Database, year: number): Promise<CycleRow | undefined> {
  return findCycleByCode(db, String(year));
}

/** A new assessment: code defaults to the year, track to official, levels to all, no parent. */
export type NewCycleRow = Omit<CycleRow, 'id' | 'code' | 'track' | 'levels' | 'parentId'> &
  Partial<Pick<CycleRow, 'code' | 'track' | 'levels' | 'parentId'>>;

/** The assessments of a year, by code. */
export async function findCyclesByYear(db: Database, year: number): Promise<CycleRow[]> {
  const rows = await db.selectFrom('cycles').select(columns).where('year', '=', year).orderBy('code').execute();
  return rows.map(toRow);
}

export async function findCycleByCode(db: Database, code: string): Promise<CycleRow | undefined> {
  const r = await db.selectFrom('cycles').select(columns).where('code', '=', code).executeTakeFirst();
  return r && toRow(r);
}

export async function findCycleById(db: Database, id: number): Promise<CycleRow | undefined> {
  const r = await db.selectFrom('cycles').select(columns).where('id', '=', id).executeTakeFirst();
  return r && toRow(r);
}

export async function listCycles(db: Database): Promise<CycleRow[]> {
  const rows = await db.selectFrom('cycles').select(columns).orderBy('year').orderBy('id').execute();
  return rows.map(toRow);
}

export async function insertCycleIfMissing(db: Database, c: NewCycleRow): Promise<void> {
  await db
    .insertInto('cycles')
    .values({
      year: c.year,
      code: c.code ?? String(c.year),
      track: c.track ?? 'official',
      levels: JSON.stringify(c.levels ?? LEVELS),
      parent_id: c.parentId ?? null,
      edition: c.edition,
      band_scheme: c.bandScheme,
      status: c.status,
      settings: JSON.stringify(c.settings),
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/** Inserts a new assessment; returns undefined when the code is taken. */
export async function insertCycle(db: Database, c: NewCycleRow): Promise<CycleRow | undefined> {
  const r = await db
    .insertInto('cycles')
    .values({
      year: c.year,
      code: c.code ?? String(c.year),
      track: c.track ?? 'official',
      levels: JSON.stringify(c.levels ?? LEVELS),
      parent_id: c.parentId ?? null,
      edition: c.edition,
      band_scheme: c.bandScheme,
      status: c.status,
      settings: JSON.stringify(c.settings),
    })
    .onConflict((oc) => oc.column('code').doNothing())
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
