import type { Database } from '../database.ts';

/** The key units are matched by: case and spacing do not make a different unit. */
export function unitKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The keys (`${entityId}\u0000${unitKey}`) of the units the given entities already have in a cycle. */
export async function existingUnitKeys(
  db: Database,
  cycleId: number,
  entityIds: readonly number[],
): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < entityIds.length; i += 1000) {
    const rows = await db
      .selectFrom('units')
      .select(['entity_id', 'name_key'])
      .where('cycle_id', '=', cycleId)
      .where('entity_id', 'in', entityIds.slice(i, i + 1000))
      .execute();
    for (const r of rows) out.add(`${r.entity_id}\u0000${r.name_key}`);
  }
  return out;
}

export interface UnitRow {
  id: number;
  entityId: number;
  name: string;
  kind: string | null;
  synthetic: boolean;
  /** the province of a vertical office (Polres, Lapas, …); null otherwise */
  provinceCode: string | null;
}

/**
 * Returns the ids of the named units of a cycle, creating the ones not seen before.
 * Keyed by `${entityId}\u0000${unitKey(name)}`.
 */
export async function ensureUnits(
  db: Database,
  cycleId: number,
  wanted: ReadonlyArray<{
    entityId: number;
    name: string;
    kind?: string | null;
    synthetic?: boolean;
    provinceCode?: string | null;
  }>,
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
          province_code: w.provinceCode ?? null,
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
    .select(['id', 'entity_id', 'name', 'kind', 'synthetic', 'province_code'])
    .where('cycle_id', '=', cycleId)
    .where('active', '=', true);
  if (entityIds) {
    if (entityIds.length === 0) return [];
    q = q.where('entity_id', 'in', entityIds);
  }
  const rows = await q.orderBy('entity_id').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    entityId: r.entity_id,
    name: r.name,
    kind: r.kind,
    synthetic: r.synthetic,
    provinceCode: r.province_code,
  }));
}

export interface UnitDetailRow extends UnitRow {
  cycleId: number;
  active: boolean;
}

const detailColumns = ['id', 'cycle_id', 'entity_id', 'name', 'kind', 'synthetic', 'active', 'province_code'] as const;

function toDetail(r: {
  id: number;
  cycle_id: number;
  entity_id: number;
  name: string;
  kind: string | null;
  synthetic: boolean;
  active: boolean;
  province_code: string | null;
}): UnitDetailRow {
  return {
    id: r.id,
    cycleId: r.cycle_id,
    entityId: r.entity_id,
    name: r.name,
    kind: r.kind,
    synthetic: r.synthetic,
    active: r.active,
    provinceCode: r.province_code,
  };
}

export async function findUnit(db: Database, id: number): Promise<UnitDetailRow | undefined> {
  const r = await db.selectFrom('units').select(detailColumns).where('id', '=', id).executeTakeFirst();
  return r && toDetail(r);
}

/** An entity's units in a cycle, the deactivated ones included. */
export async function listEntityUnits(db: Database, cycleId: number, entityId: number): Promise<UnitDetailRow[]> {
  const rows = await db
    .selectFrom('units')
    .select(detailColumns)
    .where('cycle_id', '=', cycleId)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
  return rows.map(toDetail);
}

/** Adds a unit; undefined when the entity already has a unit of that name in the cycle. */
export async function insertUnit(
  db: Database,
  u: { cycleId: number; entityId: number; name: string; kind: string | null },
): Promise<UnitDetailRow | undefined> {
  const r = await db
    .insertInto('units')
    .values({
      cycle_id: u.cycleId,
      entity_id: u.entityId,
      name: u.name.trim().replace(/\s+/g, ' '),
      name_key: unitKey(u.name),
      kind: u.kind,
    })
    .onConflict((oc) => oc.columns(['cycle_id', 'entity_id', 'name_key']).doNothing())
    .returning(detailColumns)
    .executeTakeFirst();
  return r && toDetail(r);
}

/** Whether another unit of the entity in the cycle already has this name. */
export async function unitNameTaken(db: Database, unit: UnitDetailRow, name: string): Promise<boolean> {
  const r = await db
    .selectFrom('units')
    .select('id')
    .where('cycle_id', '=', unit.cycleId)
    .where('entity_id', '=', unit.entityId)
    .where('name_key', '=', unitKey(name))
    .where('id', '<>', unit.id)
    .executeTakeFirst();
  return r !== undefined;
}

export async function updateUnit(
  db: Database,
  id: number,
  p: { name?: string; active?: boolean },
): Promise<UnitDetailRow | undefined> {
  const set: { name?: string; name_key?: string; active?: boolean } = {};
  if (p.name !== undefined) {
    set.name = p.name.trim().replace(/\s+/g, ' ');
    set.name_key = unitKey(p.name);
  }
  if (p.active !== undefined) set.active = p.active;
  if (Object.keys(set).length === 0) return findUnit(db, id);
  const r = await db.updateTable('units').set(set).where('id', '=', id).returning(detailColumns).executeTakeFirst();
  return r && toDetail(r);
}
