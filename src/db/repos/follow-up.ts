/** Follow-up items, their status updates, and mentoring sessions (tables of 0006_followup). */
import { sql } from 'kysely';
import type { Level } from '../../domain/instrument/schema.ts';
import type { Database } from '../database.ts';

export interface FollowUpItemRow {
  id: number;
  cycleId: number;
  entityId: number;
  indicator: string;
  title: string;
  requirement: string;
  score: number | null;
  cost: number;
  rank: number;
  status: string;
  /** yyyy-mm-dd */
  dueDate: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const itemColumns = [
  'id',
  'cycle_id',
  'entity_id',
  'indicator',
  'title',
  'requirement',
  'score',
  'cost',
  'rank',
  'status',
  sql<string | null>`due_date::text`.as('due_date'),
  'created_at',
  'updated_at',
] as const;

function toItem(r: {
  id: number;
  cycle_id: number;
  entity_id: number;
  indicator: string;
  title: string;
  requirement: string;
  score: number | null;
  cost: number;
  rank: number;
  status: string;
  due_date: string | null;
  created_at: Date;
  updated_at: Date;
}): FollowUpItemRow {
  return {
    id: r.id,
    cycleId: r.cycle_id,
    entityId: r.entity_id,
    indicator: r.indicator,
    title: r.title,
    requirement: r.requirement,
    score: r.score,
    cost: r.cost,
    rank: r.rank,
    status: r.status,
    dueDate: r.due_date,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface NewFollowUpItem {
  entityId: number;
  indicator: string;
  title: string;
  requirement: string;
  score: number | null;
  cost: number;
  rank: number;
}

/** Inserts the items an entity does not have yet (by indicator); returns the ones inserted. */
export async function insertMissingItems(
  db: Database,
  cycleId: number,
  items: readonly NewFollowUpItem[],
): Promise<FollowUpItemRow[]> {
  const out: FollowUpItemRow[] = [];
  for (let i = 0; i < items.length; i += 2000) {
    const rows = await db
      .insertInto('follow_up_items')
      .values(
        items.slice(i, i + 2000).map((it) => ({
          cycle_id: cycleId,
          entity_id: it.entityId,
          indicator: it.indicator,
          title: it.title,
          requirement: it.requirement,
          score: it.score,
          cost: it.cost,
          rank: it.rank,
        })),
      )
      .onConflict((oc) => oc.columns(['cycle_id', 'entity_id', 'indicator']).doNothing())
      .returning(itemColumns)
      .execute();
    out.push(...rows.map(toItem));
  }
  return out;
}

export async function listItems(db: Database, cycleId: number, entityId: number): Promise<FollowUpItemRow[]> {
  const rows = await db
    .selectFrom('follow_up_items')
    .select(itemColumns)
    .where('cycle_id', '=', cycleId)
    .where('entity_id', '=', entityId)
    .orderBy('rank')
    .orderBy('id')
    .execute();
  return rows.map(toItem);
}

export async function countItems(db: Database, cycleId: number, entityId: number): Promise<number> {
  const r = await db
    .selectFrom('follow_up_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cycle_id', '=', cycleId)
    .where('entity_id', '=', entityId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One item; `lock` takes a row lock for an update in the caller's transaction. */
export async function findItem(db: Database, id: number, lock = false): Promise<FollowUpItemRow | undefined> {
  let q = db.selectFrom('follow_up_items').select(itemColumns).where('id', '=', id);
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && toItem(r);
}

export async function updateItem(
  db: Database,
  id: number,
  changes: { status: string; dueDate?: string | null },
): Promise<FollowUpItemRow> {
  const r = await db
    .updateTable('follow_up_items')
    .set({
      status: changes.status,
      ...(changes.dueDate !== undefined ? { due_date: changes.dueDate } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returning(itemColumns)
    .executeTakeFirstOrThrow();
  return toItem(r);
}

export interface Author {
  actor: string;
  userId: number | null;
  role: string | null;
}

export interface FollowUpUpdateRow {
  id: number;
  itemId: number;
  status: string;
  note: string;
  evidence: string[];
  at: Date;
  author: Author & { name: string | null };
}

export async function insertUpdate(
  db: Database,
  u: { itemId: number; status: string; note: string; evidence: readonly string[]; author: Author },
): Promise<void> {
  await db
    .insertInto('follow_up_updates')
    .values({
      item_id: u.itemId,
      status: u.status,
      note: u.note,
      evidence: JSON.stringify(u.evidence),
      actor: u.author.actor,
      user_id: u.author.userId,
      role: u.author.role,
    })
    .execute();
}

/** The updates of the given items, oldest first, with the author's name where a user wrote them. */
export async function listUpdates(db: Database, itemIds: readonly number[]): Promise<FollowUpUpdateRow[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .selectFrom('follow_up_updates as u')
    .leftJoin('users', 'users.id', 'u.user_id')
    .select(['u.id', 'u.item_id', 'u.status', 'u.note', 'u.evidence', 'u.at', 'u.actor', 'u.user_id', 'u.role'])
    .select('users.name as user_name')
    .where('u.item_id', 'in', [...itemIds])
    .orderBy('u.at')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    itemId: r.item_id,
    status: r.status,
    note: r.note,
    evidence: r.evidence,
    at: r.at,
    author: { actor: r.actor, userId: r.user_id, role: r.role, name: r.user_name },
  }));
}

export interface ProgressRow {
  entity: { id: number; code: string; name: string; level: Level; provinceCode: string | null };
  total: number;
  open: number;
  inProgress: number;
  done: number;
  mentoringSessions: number;
  lastActivityAt: Date | null;
}

export interface ProgressFilter {
  provinceCode?: string;
  entityId?: number;
  limit: number;
  offset: number;
}

/**
 * Per entity with follow-up items or mentoring sessions in a cycle: items by status,
 * sessions, and the latest activity (an item made or updated, a session logged);
 * entities with the least done first.
 */
export async function listProgress(
  db: Database,
  cycleId: number,
  f: ProgressFilter,
): Promise<{ rows: ProgressRow[]; total: number }> {
  const scope = sql`${f.provinceCode !== undefined ? sql`and e.province_code = ${f.provinceCode}` : sql``}
    ${f.entityId !== undefined ? sql`and e.id = ${f.entityId}` : sql``}`;
  const base = sql`
    with items as (
      select entity_id, count(*)::int as total,
        count(*) filter (where status = 'open')::int as open,
        count(*) filter (where status = 'in_progress')::int as in_progress,
        count(*) filter (where status = 'done')::int as done,
        max(updated_at) as last_at
      from follow_up_items where cycle_id = ${cycleId} group by entity_id),
    sessions as (
      select entity_id, count(*)::int as n, max(created_at) as last_at
      from mentoring_sessions where cycle_id = ${cycleId} group by entity_id),
    updates as (
      select i.entity_id, max(u.at) as last_at
      from follow_up_updates u join follow_up_items i on i.id = u.item_id
      where i.cycle_id = ${cycleId} group by i.entity_id),
    rows as (
      select e.id as entity_id, e.code, e.name, e.level, e.province_code, coalesce(items.total, 0) as total, coalesce(items.open, 0) as open,
        coalesce(items.in_progress, 0) as in_progress, coalesce(items.done, 0) as done,
        coalesce(sessions.n, 0) as sessions,
        greatest(items.last_at, sessions.last_at, updates.last_at) as last_at
      from entities e
      left join items on items.entity_id = e.id
      left join sessions on sessions.entity_id = e.id
      left join updates on updates.entity_id = e.id
      where (items.entity_id is not null or sessions.entity_id is not null) ${scope})`;
  const count = await sql<{ n: number }>`${base} select count(*)::int as n from rows`.execute(db);
  const res = await sql<{
    entity_id: number;
    code: string;
    name: string;
    level: string;
    province_code: string | null;
    total: number;
    open: number;
    in_progress: number;
    done: number;
    sessions: number;
    last_at: Date | null;
  }>`${base} select * from rows
     order by case when total = 0 then 1 else 0 end, done::float8 / greatest(total, 1), code
     limit ${f.limit} offset ${f.offset}`.execute(db);
  return {
    total: count.rows[0]?.n ?? 0,
    rows: res.rows.map((r) => ({
      entity: { id: r.entity_id, code: r.code, name: r.name, level: r.level as Level, provinceCode: r.province_code },
      total: r.total,
      open: r.open,
      inProgress: r.in_progress,
      done: r.done,
      mentoringSessions: r.sessions,
      lastActivityAt: r.last_at === null ? null : new Date(r.last_at),
    })),
  };
}
