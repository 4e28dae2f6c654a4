/** Stored results (migration 0016): each entity's result of a cycle as presented. */
import { sql } from 'kysely';
import type { Database } from '../database.ts';

export interface StoredResultRow {
  entityId: number;
  entityCode: string;
  exactScore: number;
  score: number;
  category: string | null;
  opinion: string;
  zone: string | null;
  rank: number;
  provinceRank: number | null;
  view: Record<string, unknown>;
}

/**
 * Serialises the writers of one cycle's stored results until the transaction ends, so
 * a writer that computes after the lock sees what the one before it committed.
 */
export async function lockStoredResults(db: Database, cycleId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(${0x5041_5455}, ${cycleId})`.execute(db);
}

/** Replaces the cycle's stored results with these rows. */
export async function replaceStoredResults(
  db: Database,
  cycleId: number,
  rows: readonly StoredResultRow[],
): Promise<void> {
  await db.deleteFrom('stored_results').where('cycle_id', '=', cycleId).execute();
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('stored_results')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          cycle_id: cycleId,
          entity_id: r.entityId,
          entity_code: r.entityCode,
          exact_score: r.exactScore,
          score: r.score,
          category: r.category,
          opinion: r.opinion,
          zone: r.zone,
          rank: r.rank,
          province_rank: r.provinceRank,
          view: JSON.stringify(r.view),
        })),
      )
      .execute();
  }
}

/** The stored views of a cycle, best first (or of one entity): an indexed read. */
export async function readStoredResults(
  db: Database,
  cycleId: number,
  entityId?: number,
): Promise<Array<Record<string, unknown>>> {
  let q = db.selectFrom('stored_results').select('view').where('cycle_id', '=', cycleId);
  if (entityId !== undefined) q = q.where('entity_id', '=', entityId);
  const rows = await q.orderBy('exact_score', 'desc').orderBy('entity_code').execute();
  return rows.map((r) => r.view);
}

/** Records what the cycle's stored results were computed with. */
export async function writeStoredBasis(db: Database, cycleId: number, basis: string): Promise<void> {
  await db
    .insertInto('stored_results_basis')
    .values({ cycle_id: cycleId, basis })
    .onConflict((oc) => oc.column('cycle_id').doUpdateSet({ basis, stored_at: sql`now()` }))
    .execute();
}

export async function readStoredBases(db: Database): Promise<Map<number, string>> {
  const rows = await db.selectFrom('stored_results_basis').select(['cycle_id', 'basis']).execute();
  return new Map(rows.map((r) => [r.cycle_id, r.basis]));
}

/** One entity's stored results in every cycle (an indexed read), by cycle id. */
export async function readStoredHistory(
  db: Database,
  entityId: number,
): Promise<Array<{ cycleId: number; score: number; category: string | null; zone: string | null; opinion: string }>> {
  const rows = await db
    .selectFrom('stored_results')
    .select(['cycle_id', 'score', 'category', 'zone', 'opinion'])
    .where('entity_id', '=', entityId)
    .execute();
  return rows.map((r) => ({
    cycleId: r.cycle_id,
    score: r.score,
    category: r.category,
    zone: r.zone,
    opinion: r.opinion,
  }));
}
