import type { Database } from '../database.ts';

export interface PublicTrustRow {
  entityId: number;
  trustScore: number;
  perception: number | null;
  source: string;
}

export async function listPublicTrust(db: Database, cycleId: number): Promise<PublicTrustRow[]> {
  const rows = await db
    .selectFrom('public_trust')
    .select(['entity_id', 'trust_score', 'perception', 'source'])
    .where('cycle_id', '=', cycleId)
    .execute();
  return rows.map((r) => ({
    entityId: r.entity_id,
    trustScore: r.trust_score,
    perception: r.perception,
    source: r.source,
  }));
}

/** Replaces the entities' trust figures of the cycle (an import again = replaced). */
export async function upsertPublicTrust(db: Database, cycleId: number, rows: readonly PublicTrustRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('public_trust')
    .values(
      rows.map((r) => ({
        cycle_id: cycleId,
        entity_id: r.entityId,
        trust_score: r.trustScore,
        perception: r.perception,
        source: r.source,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['cycle_id', 'entity_id']).doUpdateSet((eb) => ({
        trust_score: eb.ref('excluded.trust_score'),
        perception: eb.ref('excluded.perception'),
        source: eb.ref('excluded.source'),
        recorded_at: new Date(),
      })),
    )
    .execute();
}
