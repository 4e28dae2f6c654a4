import { sql } from 'kysely';
import type { Level } from '../../domain/instrument/schema.ts';
import type { RegistryEntity } from '../../domain/registry/names.ts';
import type { Database } from '../database.ts';

export interface EntityRow {
  id: number;
  code: string;
  name: string;
  level: Level;
  provinceCode: string | null;
  aliases: string[];
  /** the last year a split or reshaped body existed; null while it exists (domain/registry/lifespan.ts) */
  until: number | null;
  /** codes of the bodies that took over its services */
  successors: string[];
}

const ENTITY_COLUMNS = [
  'id',
  'code',
  'name',
  'level',
  'province_code',
  'aliases',
  'until_year',
  'successor_codes',
] as const;

export async function countEntities(db: Database): Promise<number> {
  const r = await db
    .selectFrom('entities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Inserts registry entities that are not there yet (by code); existing rows are left as they are. */
export async function insertMissingEntities(db: Database, entities: readonly RegistryEntity[]): Promise<number> {
  if (entities.length === 0) return 0;
  const res = await db
    .insertInto('entities')
    .values(
      entities.map((e) => ({
        code: e.code,
        name: e.name,
        level: e.level,
        province_code: e.provinceCode,
        aliases: JSON.stringify(e.aliases),
        until_year: e.until,
        successor_codes: e.until === null ? null : JSON.stringify(e.successors),
      })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Sets the lifespan (until, successors) of the entities with these codes to the
 * registry's, in one statement; rows already right are left alone. Returns how many
 * rows changed: 0 on every start after the first.
 */
export async function updateEntityLifespans(db: Database, entities: readonly RegistryEntity[]): Promise<number> {
  if (entities.length === 0) return 0;
  const rows = entities.map((e) => ({
    code: e.code,
    until_year: e.until,
    successor_codes: e.until === null ? null : e.successors,
  }));
  const res = await sql`update entities e
    set until_year = v.until_year, successor_codes = v.successor_codes
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(code text, until_year integer, successor_codes jsonb)
    where e.code = v.code
      and (e.until_year is distinct from v.until_year or e.successor_codes is distinct from v.successor_codes)`.execute(
    db,
  );
  return Number(res.numAffectedRows ?? 0);
}

export async function listEntities(db: Database): Promise<EntityRow[]> {
  const rows = await db
    .selectFrom('entities')
    .select(ENTITY_COLUMNS)
    .where('active', '=', true)
    .orderBy('code')
    .execute();
  return rows.map(toEntityRow);
}

export async function insertMissingOffices(
  db: Database,
  offices: ReadonlyArray<{ code: string; name: string; provinceCode: string }>,
): Promise<void> {
  if (offices.length === 0) return;
  await db
    .insertInto('regional_offices')
    .values(offices.map((o) => ({ code: o.code, name: o.name, province_code: o.provinceCode })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

export async function listOffices(db: Database) {
  return db.selectFrom('regional_offices').select(['id', 'code', 'name', 'province_code']).orderBy('code').execute();
}

function toEntityRow(r: {
  id: number;
  code: string;
  name: string;
  level: string;
  province_code: string | null;
  aliases: string[];
  until_year: number | null;
  successor_codes: string[] | null;
}): EntityRow {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level as Level,
    provinceCode: r.province_code,
    aliases: r.aliases,
    until: r.until_year,
    successors: r.successor_codes ?? [],
  };
}

export async function findEntityByCode(db: Database, code: string): Promise<EntityRow | undefined> {
  const r = await db
    .selectFrom('entities')
    .select(ENTITY_COLUMNS)
    .where('code', '=', code)
    .where('active', '=', true)
    .executeTakeFirst();
  return r && toEntityRow(r);
}

export async function findEntityById(db: Database, id: number): Promise<EntityRow | undefined> {
  const r = await db.selectFrom('entities').select(ENTITY_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r && toEntityRow(r);
}

export interface EntitySearch {
  /** part of the name or the code, any case */
  q?: string;
  level?: Level;
  provinceCode?: string;
  /** restricts to one entity (an entity official's scope) */
  entityId?: number;
  limit: number;
  offset: number;
}

export async function searchEntities(db: Database, s: EntitySearch): Promise<{ rows: EntityRow[]; total: number }> {
  let q = db.selectFrom('entities').where('active', '=', true);
  if (s.level) q = q.where('level', '=', s.level);
  if (s.provinceCode) q = q.where('province_code', '=', s.provinceCode);
  if (s.entityId !== undefined) q = q.where('id', '=', s.entityId);
  if (s.q) {
    const like = `%${s.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb(eb.fn('lower', ['code']), 'like', like)]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.select(ENTITY_COLUMNS).orderBy('code').limit(s.limit).offset(s.offset).execute();
  return { rows: rows.map(toEntityRow), total: Number(total.n) };
}

export interface OfficeRow {
  id: number;
  code: string;
  name: string;
  provinceCode: string;
}

export async function findOfficeByProvince(db: Database, provinceCode: string): Promise<OfficeRow | undefined> {
  const r = await db
    .selectFrom('regional_offices')
    .select(['id', 'code', 'name', 'province_code'])
    .where('province_code', '=', provinceCode)
    .executeTakeFirst();
  return r && { id: r.id, code: r.code, name: r.name, provinceCode: r.province_code };
}
