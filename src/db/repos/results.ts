import { sql } from 'kysely';
import type { Database } from '../database.ts';

export interface ComputedUnit {
  unitId: number;
  entityId: number;
  score: number | null;
  complete: boolean;
  required: number;
  answered: number;
  dimensions: Array<{ code: string; score: number | null }>;
}

export interface ComputedEntity {
  entityId: number;
  score: number | null;
  complete: boolean;
  scoredUnits: number;
}

/** Replaces the computed results of the given entities (all of the cycle's when entityIds is null). */
export async function replaceComputedResults(
  db: Database,
  cycleId: number,
  entityIds: readonly number[] | null,
  units: readonly ComputedUnit[],
  entities: readonly ComputedEntity[],
): Promise<void> {
  for (const table of ['computed_unit_results', 'computed_entity_results'] as const) {
    let q = db.deleteFrom(table).where('cycle_id', '=', cycleId);
    if (entityIds) q = q.where('entity_id', '=', sql<number>`any(${[...entityIds]}::int[])`);
    await q.execute();
  }
  for (let i = 0; i < units.length; i += 5000) {
    const chunk = units.slice(i, i + 5000);
    await sql`
      insert into computed_unit_results (cycle_id, unit_id, entity_id, score, complete, required, answered, dimensions)
      select ${cycleId}, * from unnest(${chunk.map((u) => u.unitId)}::int[], ${chunk.map((u) => u.entityId)}::int[],
        ${chunk.map((u) => u.score)}::float8[], ${chunk.map((u) => u.complete)}::bool[],
        ${chunk.map((u) => u.required)}::int[], ${chunk.map((u) => u.answered)}::int[],
        ${chunk.map((u) => JSON.stringify(u.dimensions))}::jsonb[])`.execute(db);
  }
  for (let i = 0; i < entities.length; i += 5000) {
    const chunk = entities.slice(i, i + 5000);
    await sql`
      insert into computed_entity_results (cycle_id, entity_id, score, complete, scored_units)
      select ${cycleId}, * from unnest(${chunk.map((e) => e.entityId)}::int[], ${chunk.map((e) => e.score)}::float8[],
        ${chunk.map((e) => e.complete)}::bool[], ${chunk.map((e) => e.scoredUnits)}::int[])`.execute(db);
  }
}

export async function listComputedEntities(db: Database, cycleId: number): Promise<ComputedEntity[]> {
  const rows = await db
    .selectFrom('computed_entity_results')
    .select(['entity_id', 'score', 'complete', 'scored_units'])
    .where('cycle_id', '=', cycleId)
    .execute();
  return rows.map((r) => ({
    entityId: r.entity_id,
    score: r.score,
    complete: r.complete,
    scoredUnits: r.scored_units,
  }));
}

export async function listComputedUnits(
  db: Database,
  cycleId: number,
  entityIds?: readonly number[],
): Promise<ComputedUnit[]> {
  let q = db
    .selectFrom('computed_unit_results')
    .select(['unit_id', 'entity_id', 'score', 'complete', 'required', 'answered', 'dimensions'])
    .where('cycle_id', '=', cycleId);
  if (entityIds) {
    if (entityIds.length === 0) return [];
    q = q.where('entity_id', 'in', entityIds);
  }
  const rows = await q.orderBy('unit_id').execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    entityId: r.entity_id,
    score: r.score,
    complete: r.complete,
    required: r.required,
    answered: r.answered,
    dimensions: r.dimensions,
  }));
}

export interface PublishedEntity {
  entityId: number;
  score: number;
}
export interface PublishedUnit {
  entityId: number;
  unitId: number;
  score: number;
}

export async function replacePublishedResults(
  db: Database,
  cycleId: number,
  entities: readonly PublishedEntity[],
  units: readonly PublishedUnit[],
  source: string,
): Promise<void> {
  const ids = [...new Set(entities.map((e) => e.entityId))];
  if (ids.length === 0) return;
  await db.deleteFrom('published_unit_results').where('cycle_id', '=', cycleId).where('entity_id', 'in', ids).execute();
  await db
    .deleteFrom('published_entity_results')
    .where('cycle_id', '=', cycleId)
    .where('entity_id', 'in', ids)
    .execute();
  for (let i = 0; i < entities.length; i += 2000) {
    await db
      .insertInto('published_entity_results')
      .values(
        entities.slice(i, i + 2000).map((e) => ({ cycle_id: cycleId, entity_id: e.entityId, score: e.score, source })),
      )
      .execute();
  }
  for (let i = 0; i < units.length; i += 2000) {
    await db
      .insertInto('published_unit_results')
      .values(
        units
          .slice(i, i + 2000)
          .map((u) => ({ cycle_id: cycleId, entity_id: u.entityId, unit_id: u.unitId, score: u.score })),
      )
      .execute();
  }
}

export async function listPublishedEntities(db: Database, cycleId: number): Promise<PublishedEntity[]> {
  const rows = await db
    .selectFrom('published_entity_results')
    .select(['entity_id', 'score'])
    .where('cycle_id', '=', cycleId)
    .execute();
  return rows.map((r) => ({ entityId: r.entity_id, score: r.score }));
}

export async function listPublishedUnits(db: Database, cycleId: number): Promise<PublishedUnit[]> {
  const rows = await db
    .selectFrom('published_unit_results')
    .select(['entity_id', 'unit_id', 'score'])
    .where('cycle_id', '=', cycleId)
    .orderBy('unit_id')
    .execute();
  return rows.map((r) => ({ entityId: r.entity_id, unitId: r.unit_id, score: r.score }));
}
