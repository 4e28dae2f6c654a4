/** Assignments (issue 4, item 2): which assessor works on which entity (or one of its units) in a cycle. */
import { sql } from 'kysely';
import type { Database } from '../database.ts';

export interface AssignmentRow {
  id: number;
  cycleId: number;
  entity: { id: number; code: string; name: string; provinceCode: string | null };
  unit: { id: number; name: string } | null;
  assessor: { id: number; email: string; name: string };
  assignedBy: string;
  startsOn: string | null;
  endsOn: string | null;
  createdAt: Date;
}

export interface NewAssignment {
  cycleId: number;
  entityId: number;
  unitId: number | null;
  assessorId: number;
  assignedBy: string;
  startsOn: string | null;
  endsOn: string | null;
}

/** Inserts an assignment; undefined when the same one exists already. */
export async function insertAssignment(db: Database, a: NewAssignment): Promise<number | undefined> {
  const r = await sql<{ id: number }>`
    insert into assignments (cycle_id, entity_id, unit_id, assessor_id, assigned_by, starts_on, ends_on)
    values (${a.cycleId}, ${a.entityId}, ${a.unitId}, ${a.assessorId}, ${a.assignedBy}, ${a.startsOn}, ${a.endsOn})
    on conflict do nothing
    returning id`.execute(db);
  return r.rows[0]?.id;
}

export async function deleteAssignment(db: Database, id: number): Promise<void> {
  await db.deleteFrom('assignments').where('id', '=', id).execute();
}

export interface AssignmentFilter {
  cycleId: number;
  /** only these entities (an office's province is resolved by the caller) */
  provinceCode?: string;
  assessorId?: number;
  entityIds?: readonly number[];
  id?: number;
}

export async function listAssignments(db: Database, f: AssignmentFilter): Promise<AssignmentRow[]> {
  let q = db
    .selectFrom('assignments as a')
    .innerJoin('entities as e', 'e.id', 'a.entity_id')
    .innerJoin('users as u', 'u.id', 'a.assessor_id')
    .leftJoin('units as un', 'un.id', 'a.unit_id')
    .select([
      'a.id',
      'a.cycle_id',
      'a.entity_id',
      'e.code as entity_code',
      'e.name as entity_name',
      'e.province_code',
      'a.unit_id',
      'un.name as unit_name',
      'a.assessor_id',
      'u.email',
      'u.name as assessor_name',
      'a.assigned_by',
      sql<string | null>`to_char(a.starts_on, 'YYYY-MM-DD')`.as('starts_on'),
      sql<string | null>`to_char(a.ends_on, 'YYYY-MM-DD')`.as('ends_on'),
      'a.created_at',
    ])
    .where('a.cycle_id', '=', f.cycleId);
  if (f.provinceCode !== undefined) q = q.where('e.province_code', '=', f.provinceCode);
  if (f.assessorId !== undefined) q = q.where('a.assessor_id', '=', f.assessorId);
  if (f.id !== undefined) q = q.where('a.id', '=', f.id);
  if (f.entityIds) {
    if (f.entityIds.length === 0) return [];
    q = q.where('a.entity_id', 'in', f.entityIds);
  }
  const rows = await q.orderBy('e.code').orderBy('a.unit_id').orderBy('u.email').execute();
  return rows.map((r) => ({
    id: r.id,
    cycleId: r.cycle_id,
    entity: { id: r.entity_id, code: r.entity_code, name: r.entity_name, provinceCode: r.province_code },
    unit: r.unit_id === null ? null : { id: r.unit_id, name: r.unit_name ?? '' },
    assessor: { id: r.assessor_id, email: r.email, name: r.assessor_name },
    assignedBy: r.assigned_by,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    createdAt: r.created_at,
  }));
}

/** The entities an assessor has any assignment for in a cycle. */
export async function assignedEntityIds(db: Database, cycleId: number, assessorId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('assignments')
    .select('entity_id')
    .distinct()
    .where('cycle_id', '=', cycleId)
    .where('assessor_id', '=', assessorId)
    .execute();
  return rows.map((r) => r.entity_id);
}

/** Assessors (active users with that role) with their office's province, by id. */
export async function findAssessors(
  db: Database,
  ids: readonly number[],
): Promise<Map<number, { id: number; email: string; name: string; provinceCode: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('regional_offices as o', 'o.id', 'u.office_id')
    .select(['u.id', 'u.email', 'u.name', 'o.province_code'])
    .where('u.id', 'in', ids)
    .where('u.role', '=', 'assessor')
    .where('u.active', '=', true)
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, email: r.email, name: r.name, provinceCode: r.province_code }]));
}

/** The active assessors of one office (by province code), or of all offices. */
export async function listAssessors(
  db: Database,
  provinceCode?: string,
): Promise<Array<{ id: number; email: string; name: string; officeCode: string | null }>> {
  let q = db
    .selectFrom('users as u')
    .leftJoin('regional_offices as o', 'o.id', 'u.office_id')
    .select(['u.id', 'u.email', 'u.name', 'o.code as office_code'])
    .where('u.role', '=', 'assessor')
    .where('u.active', '=', true);
  if (provinceCode !== undefined) q = q.where('o.province_code', '=', provinceCode);
  const rows = await q.orderBy('u.email').execute();
  return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, officeCode: r.office_code }));
}
