/** Objections (sanggahan) and their threads (tables of 0006_followup). */
import type { Database } from '../database.ts';
import type { Author } from './follow-up.ts';

export interface ObjectionRow {
  id: number;
  cycleId: number;
  entityId: number;
  unitId: number;
  unitName: string;
  indicator: string;
  reason: string;
  evidence: string[];
  status: 'open' | 'accepted' | 'rejected';
  filedAt: Date;
  filedBy: Author & { name: string | null };
  decidedAt: Date | null;
  decidedBy: (Author & { name: string | null }) | null;
  decisionReason: string | null;
  correction: unknown;
}

function baseQuery(db: Database) {
  return db
    .selectFrom('objections as o')
    .innerJoin('units', 'units.id', 'o.unit_id')
    .leftJoin('users as f', 'f.id', 'o.filed_by_user')
    .leftJoin('users as d', 'd.id', 'o.decided_by_user')
    .select([
      'o.id',
      'o.cycle_id',
      'o.entity_id',
      'o.unit_id',
      'units.name as unit_name',
      'o.indicator',
      'o.reason',
      'o.evidence',
      'o.status',
      'o.filed_at',
      'o.filed_by',
      'o.filed_by_user',
      'f.name as filed_name',
      'f.role as filed_role',
      'o.decided_at',
      'o.decided_by',
      'o.decided_by_user',
      'd.name as decided_name',
      'd.role as decided_role',
      'o.decision_reason',
      'o.correction',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toRow(r: Raw): ObjectionRow {
  return {
    id: r.id,
    cycleId: r.cycle_id,
    entityId: r.entity_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    indicator: r.indicator,
    reason: r.reason,
    evidence: r.evidence,
    status: r.status as ObjectionRow['status'],
    filedAt: r.filed_at,
    filedBy: { actor: r.filed_by, userId: r.filed_by_user, role: r.filed_role ?? null, name: r.filed_name },
    decidedAt: r.decided_at,
    decidedBy:
      r.decided_by === null
        ? null
        : { actor: r.decided_by, userId: r.decided_by_user, role: r.decided_role ?? null, name: r.decided_name },
    decisionReason: r.decision_reason,
    correction: r.correction ?? null,
  };
}

export async function findObjection(db: Database, id: number): Promise<ObjectionRow | undefined> {
  const r = await baseQuery(db).where('o.id', '=', id).executeTakeFirst();
  return r && toRow(r);
}

/** An entity's objections in a cycle, latest first. */
export async function listObjections(db: Database, cycleId: number, entityId: number): Promise<ObjectionRow[]> {
  const rows = await baseQuery(db)
    .where('o.cycle_id', '=', cycleId)
    .where('o.entity_id', '=', entityId)
    .orderBy('o.filed_at', 'desc')
    .orderBy('o.id', 'desc')
    .execute();
  return rows.map(toRow);
}

/** Files an objection; undefined when the unit and indicator already have an open one. */
export async function insertObjection(
  db: Database,
  o: {
    cycleId: number;
    entityId: number;
    unitId: number;
    indicator: string;
    reason: string;
    evidence: readonly string[];
    author: Author;
  },
): Promise<number | undefined> {
  const r = await db
    .insertInto('objections')
    .values({
      cycle_id: o.cycleId,
      entity_id: o.entityId,
      unit_id: o.unitId,
      indicator: o.indicator,
      reason: o.reason,
      evidence: JSON.stringify(o.evidence),
      filed_by: o.author.actor,
      filed_by_user: o.author.userId,
    })
    .onConflict((oc) => oc.columns(['unit_id', 'indicator']).where('status', '=', 'open').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id;
}

/** The open objection of a unit and indicator, if any. */
export async function findOpenObjection(db: Database, unitId: number, indicator: string): Promise<number | undefined> {
  const r = await db
    .selectFrom('objections')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('indicator', '=', indicator)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return r?.id;
}

/** Closes an open objection; false when it was no longer open (decided meanwhile). */
export async function decideObjection(
  db: Database,
  id: number,
  d: { status: 'accepted' | 'rejected'; reason: string; author: Author; correction: unknown },
): Promise<boolean> {
  const r = await db
    .updateTable('objections')
    .set({
      status: d.status,
      decided_at: new Date(),
      decided_by: d.author.actor,
      decided_by_user: d.author.userId,
      decision_reason: d.reason,
      correction: d.correction === null ? null : JSON.stringify(d.correction),
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface ObjectionMessageRow {
  id: number;
  body: string;
  evidence: string[];
  at: Date;
  author: Author & { name: string | null };
}

export async function insertMessage(
  db: Database,
  m: { objectionId: number; body: string; evidence: readonly string[]; author: Author },
): Promise<void> {
  await db
    .insertInto('objection_messages')
    .values({
      objection_id: m.objectionId,
      body: m.body,
      evidence: JSON.stringify(m.evidence),
      actor: m.author.actor,
      user_id: m.author.userId,
      role: m.author.role,
    })
    .execute();
}

export async function listMessages(db: Database, objectionId: number): Promise<ObjectionMessageRow[]> {
  const rows = await db
    .selectFrom('objection_messages as m')
    .leftJoin('users', 'users.id', 'm.user_id')
    .select(['m.id', 'm.body', 'm.evidence', 'm.at', 'm.actor', 'm.user_id', 'm.role', 'users.name as user_name'])
    .where('m.objection_id', '=', objectionId)
    .orderBy('m.at')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    evidence: r.evidence,
    at: r.at,
    author: { actor: r.actor, userId: r.user_id, role: r.role, name: r.user_name },
  }));
}

/** The answers of one unit and indicator, by respondent. */
export async function listIndicatorAnswers(
  db: Database,
  cycleId: number,
  unitId: number,
  indicator: string,
): Promise<Array<{ respondent: string; value: number | null }>> {
  return db
    .selectFrom('answers')
    .select(['respondent', 'value'])
    .where('cycle_id', '=', cycleId)
    .where('unit_id', '=', unitId)
    .where('indicator', '=', indicator)
    .orderBy('respondent')
    .execute();
}
