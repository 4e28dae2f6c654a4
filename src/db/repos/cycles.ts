import type { Database } from '../database.ts';

export const CYCLE_STATUSES = ['draft', 'fieldwork', 'review', 'final', 'published'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export interface CycleRow {
  id: number;
  year: number;
  edition: string | null;
  bandScheme: string;
  status: CycleStatus;
  settings: { serviceUsersPerUnit?: number; objectionDays?: number };
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

export async function insertCycleIfMissing(
  db: Database,
  c: Omit<CycleRow, 'id'>,
): Promise<void> {
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
