import type { Database } from '../database.ts';

export interface AwardHoldRow {
  id: number;
  cycleId: number;
  entityId: number;
  unitId: number | null;
  reason: string;
  heldBy: string;
  heldAt: Date;
}

const columns = ['id', 'cycle_id', 'entity_id', 'unit_id', 'reason', 'held_by', 'held_at'] as const;

function toRow(r: {
  id: number;
  cycle_id: number;
  entity_id: number;
  unit_id: number | null;
  reason: string;
  held_by: string;
  held_at: Date;
}): AwardHoldRow {
  return {
    id: r.id,
    cycleId: r.cycle_id,
    entityId: r.entity_id,
    unitId: r.unit_id,
    reason: r.reason,
    heldBy: r.held_by,
    heldAt: new Date(r.held_at),
  };
}

/** The open holds of a cycle (not released). */
export async function listOpenHolds(db: Database, cycleId: number): Promise<AwardHoldRow[]> {
  const rows = await db
    .selectFrom('award_holds')
    .select(columns)
    .where('cycle_id', '=', cycleId)
    .where('released_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(toRow);
}

export async function findOpenHold(
  db: Database,
  cycleId: number,
  entityId: number,
  unitId: number | null,
): Promise<AwardHoldRow | undefined> {
  let q = db
    .selectFrom('award_holds')
    .select(columns)
    .where('cycle_id', '=', cycleId)
    .where('entity_id', '=', entityId)
    .where('released_at', 'is', null);
  q = unitId === null ? q.where('unit_id', 'is', null) : q.where('unit_id', '=', unitId);
  const r = await q.executeTakeFirst();
  return r && toRow(r);
}

export async function insertHold(
  db: Database,
  h: { cycleId: number; entityId: number; unitId: number | null; reason: string; heldBy: string },
): Promise<AwardHoldRow> {
  const r = await db
    .insertInto('award_holds')
    .values({ cycle_id: h.cycleId, entity_id: h.entityId, unit_id: h.unitId, reason: h.reason, held_by: h.heldBy })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toRow(r);
}

export async function releaseHold(db: Database, id: number, by: string): Promise<void> {
  await db.updateTable('award_holds').set({ released_by: by, released_at: new Date() }).where('id', '=', id).execute();
}
