import type { Database } from '../database.ts';

/** The key units are matched by: case and spacing do not make a different unit. */
export function unitKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
}

export interface UnitRow {
  id: number;
  entityId: number;
  name: string;
  kind: string | null;
  synthetic: boolean;
}

/**
 * Returns the ids of the named units of a cycle, creating the ones not seen before.
 * Keyed by `${entityId}\u0000${unitKey(name)}`.
 */
export async function ensureUnits(
  db: Database,
  cycleId: number,
  wanted: ReadonlyArray<{ entityId: number; name: string; kind?: string | null; synthetic?: boolean }>,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (wanted.length === 0) return out;
  const unique = new Map<string, (typeof wanted)[number]>();
  for (const w of wanted) {
    const k = `${w.entityId}\u0000${unitKey(w.name)}`;
    if (!unique.has(k)) unique.set(k, w);
  }
  const values = [...unique.values()];
  for (let i = 0; i < values.length; i += 1000) {
    await db
      .insertInto('units')
      .values(
        values.slice(i, i + 1000).map((w) => ({
          cycle_id: cycleId,
          entity_id: w.entityId,
          name: w.name.trim().replace(/\s+/g, ' '),
          name_key: unitKey(w.name),
          kind: w.kind ?? null,
          synthetic: w.synthetic ?? false,
        })),
      )
      .onConflict((oc) => oc.columns(['cycle_id', 'entity_id', 'name_key']).doNothing())
      .execute();
  }
  const entityIds = [...new Set(values.map((v) => v.entityId))];
  for (let i = 0; i < entityIds.length; i += 1000) {
    const rows = await db
      .selectFrom('units')
      .select(['id', 'entity_id', 'name_key'])
      .where('cycle_id', '=', cycleId)
      .where('entity_id', 'in', entityIds.slice(i, i + 1000))
      .execute();
    for (const r of rows) {
      const k = `${r.entity_id}\u0000${r.name_key}`;
      if (unique.has(k)) out.set(k, r.id);
    }
  }
  return out;
}

export async function listUnits(db: Database, cycleId: number, entityIds?: readonly number[]): Promise<UnitRow[]> {
  let q = db
    .selectFrom('units')
    .select(['id', 'entity_id', 'name', 'kind', 'synthetic'])
    .where('cycle_id', '=', cycleId)
    .where('active', '=', true);
  if (entityIds) {
    if (entityIds.length === 0) return [];
    q = q.where('entity_id', 'in', entityIds);
  }
  const rows = await q.orderBy('entity_id').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, entityId: r.entity_id, name: r.name, kind: r.kind, synthetic: r.synthetic }));
}
