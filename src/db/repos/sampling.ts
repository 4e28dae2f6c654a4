/** Candidate units per entity and cycle, and the stored samples (issue 4, item 1). */
import type { Database } from '../database.ts';

export interface CandidateRow {
  entityId: number;
  name: string;
  kind: string;
  products: string[];
}

export interface NewCandidate extends CandidateRow {
  nameKey: string;
}

/** The entities among `entityIds` that have candidates in the cycle. */
export async function entitiesWithCandidates(
  db: Database,
  cycleId: number,
  entityIds: readonly number[],
): Promise<Set<number>> {
  if (entityIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('unit_candidates')
    .select('entity_id')
    .distinct()
    .where('cycle_id', '=', cycleId)
    .where('entity_id', 'in', entityIds)
    .execute();
  return new Set(rows.map((r) => r.entity_id));
}

/** The entities among `entityIds` that have a stored sample in the cycle. */
export async function entitiesWithSamples(
  db: Database,
  cycleId: number,
  entityIds: readonly number[],
): Promise<Set<number>> {
  if (entityIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('samples')
    .select('entity_id')
    .where('cycle_id', '=', cycleId)
    .where('entity_id', 'in', entityIds)
    .execute();
  return new Set(rows.map((r) => r.entity_id));
}

/** Replaces the candidate lists of the given entities in a cycle by `rows`. Run it in a transaction. */
export async function replaceCandidates(
  db: Database,
  cycleId: number,
  entityIds: readonly number[],
  rows: readonly NewCandidate[],
): Promise<void> {
  for (let i = 0; i < entityIds.length; i += 1000) {
    await db
      .deleteFrom('unit_candidates')
      .where('cycle_id', '=', cycleId)
      .where('entity_id', 'in', entityIds.slice(i, i + 1000))
      .execute();
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('unit_candidates')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          cycle_id: cycleId,
          entity_id: r.entityId,
          name: r.name,
          name_key: r.nameKey,
          kind: r.kind,
          products: JSON.stringify(r.products),
        })),
      )
      .execute();
  }
}

export async function listCandidates(db: Database, cycleId: number, entityId: number): Promise<CandidateRow[]> {
  const rows = await db
    .selectFrom('unit_candidates')
    .select(['entity_id', 'name', 'kind', 'products'])
    .where('cycle_id', '=', cycleId)
    .where('entity_id', '=', entityId)
    .orderBy('name_key')
    .execute();
  return rows.map((r) => ({ entityId: r.entity_id, name: r.name, kind: r.kind, products: r.products }));
}

/** Every candidate of a cycle, by entity. */
export async function listCycleCandidates(db: Database, cycleId: number): Promise<Map<number, CandidateRow[]>> {
  const rows = await db
    .selectFrom('unit_candidates')
    .select(['entity_id', 'name', 'kind', 'products'])
    .where('cycle_id', '=', cycleId)
    .orderBy('entity_id')
    .orderBy('name_key')
    .execute();
  const out = new Map<number, CandidateRow[]>();
  for (const r of rows) {
    const list = out.get(r.entity_id) ?? [];
    list.push({ entityId: r.entity_id, name: r.name, kind: r.kind, products: r.products });
    out.set(r.entity_id, list);
  }
  return out;
}

export interface SampleRow {
  cycleId: number;
  entityId: number;
  seed: string;
  algorithm: string;
  entityCode: string;
  /** as stored: parse before use */
  rule: unknown;
  candidates: unknown;
  result: unknown;
  drawnBy: string;
  drawnAt: Date;
}

export type NewSample = Omit<SampleRow, 'drawnAt'>;

const sampleColumns = [
  'cycle_id',
  'entity_id',
  'seed',
  'algorithm',
  'entity_code',
  'rule',
  'candidates',
  'result',
  'drawn_by',
  'drawn_at',
] as const;

function toSample(r: {
  cycle_id: number;
  entity_id: number;
  seed: string;
  algorithm: string;
  entity_code: string;
  rule: unknown;
  candidates: unknown;
  result: unknown;
  drawn_by: string;
  drawn_at: Date;
}): SampleRow {
  return {
    cycleId: r.cycle_id,
    entityId: r.entity_id,
    seed: r.seed,
    algorithm: r.algorithm,
    entityCode: r.entity_code,
    rule: r.rule,
    candidates: r.candidates,
    result: r.result,
    drawnBy: r.drawn_by,
    drawnAt: new Date(r.drawn_at),
  };
}

export async function findSample(db: Database, cycleId: number, entityId: number): Promise<SampleRow | undefined> {
  const r = await db
    .selectFrom('samples')
    .select(sampleColumns)
    .where('cycle_id', '=', cycleId)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return r && toSample(r);
}

/** Locks the entity's stored sample (if any) until the transaction ends and returns it. */
export async function findSampleForUpdate(
  db: Database,
  cycleId: number,
  entityId: number,
): Promise<SampleRow | undefined> {
  const r = await db
    .selectFrom('samples')
    .select(sampleColumns)
    .where('cycle_id', '=', cycleId)
    .where('entity_id', '=', entityId)
    .forUpdate()
    .executeTakeFirst();
  return r && toSample(r);
}

export async function listSamples(db: Database, cycleId: number): Promise<SampleRow[]> {
  const rows = await db
    .selectFrom('samples')
    .select(sampleColumns)
    .where('cycle_id', '=', cycleId)
    .orderBy('entity_id')
    .execute();
  return rows.map(toSample);
}

function sampleValues(s: NewSample) {
  return {
    cycle_id: s.cycleId,
    entity_id: s.entityId,
    seed: s.seed,
    algorithm: s.algorithm,
    entity_code: s.entityCode,
    rule: JSON.stringify(s.rule),
    candidates: JSON.stringify(s.candidates),
    result: JSON.stringify(s.result),
    drawn_by: s.drawnBy,
  };
}

/** Stores a first sample; undefined when the entity already has one in the cycle (nothing is changed). */
export async function insertSample(db: Database, s: NewSample): Promise<SampleRow | undefined> {
  const r = await db
    .insertInto('samples')
    .values(sampleValues(s))
    .onConflict((oc) => oc.columns(['cycle_id', 'entity_id']).doNothing())
    .returning(sampleColumns)
    .executeTakeFirst();
  return r && toSample(r);
}

/** Stores a sample, replacing the entity's earlier one in the cycle. */
export async function replaceSample(db: Database, s: NewSample): Promise<SampleRow> {
  const values = sampleValues(s);
  const r = await db
    .insertInto('samples')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['cycle_id', 'entity_id']).doUpdateSet({
        seed: values.seed,
        algorithm: values.algorithm,
        entity_code: values.entity_code,
        rule: values.rule,
        candidates: values.candidates,
        result: values.result,
        drawn_by: values.drawn_by,
        drawn_at: new Date(),
      }),
    )
    .returning(sampleColumns)
    .executeTakeFirstOrThrow();
  return toSample(r);
}
