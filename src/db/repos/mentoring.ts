/** Mentoring sessions (pendampingan) and the follow-up items they worked on (tables of 0006_followup). */
import { sql } from 'kysely';
import type { Database } from '../database.ts';
import type { Author } from './follow-up.ts';

export interface MentoringSessionRow {
  id: number;
  cycleId: number;
  entityId: number;
  /** yyyy-mm-dd */
  heldOn: string;
  topics: string[];
  attendees: string[];
  notes: string;
  itemIds: number[];
  author: Author & { name: string | null };
  createdAt: Date;
}

export async function insertMentoringSession(
  db: Database,
  s: {
    cycleId: number;
    entityId: number;
    heldOn: string;
    topics: readonly string[];
    attendees: readonly string[];
    notes: string;
    itemIds: readonly number[];
    author: Author;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('mentoring_sessions')
    .values({
      cycle_id: s.cycleId,
      entity_id: s.entityId,
      held_on: s.heldOn,
      topics: JSON.stringify(s.topics),
      attendees: JSON.stringify(s.attendees),
      notes: s.notes,
      actor: s.author.actor,
      user_id: s.author.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (s.itemIds.length > 0) {
    await db
      .insertInto('mentoring_session_items')
      .values(s.itemIds.map((itemId) => ({ session_id: id, item_id: itemId })))
      .execute();
  }
  return id;
}

/** Which cycle and entity a mentoring session belongs to. */
export async function findMentoringSession(
  db: Database,
  id: number,
): Promise<{ cycleId: number; entityId: number } | undefined> {
  const r = await db
    .selectFrom('mentoring_sessions')
    .select(['cycle_id', 'entity_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r && { cycleId: r.cycle_id, entityId: r.entity_id };
}

/** An entity's mentoring sessions in a cycle, latest first. */
export async function listMentoringSessions(
  db: Database,
  cycleId: number,
  entityId: number,
): Promise<MentoringSessionRow[]> {
  const rows = await db
    .selectFrom('mentoring_sessions as s')
    .leftJoin('users', 'users.id', 's.user_id')
    .select(['s.id', 's.cycle_id', 's.entity_id', 's.topics', 's.attendees', 's.notes', 's.actor', 's.user_id'])
    .select([sql<string>`s.held_on::text`.as('held_on'), 's.created_at', 'users.name as user_name', 'users.role'])
    .select((eb) =>
      eb
        .selectFrom('mentoring_session_items as i')
        .select(sql<number[]>`coalesce(array_agg(i.item_id order by i.item_id), '{}')`.as('ids'))
        .whereRef('i.session_id', '=', 's.id')
        .as('item_ids'),
    )
    .where('s.cycle_id', '=', cycleId)
    .where('s.entity_id', '=', entityId)
    .orderBy('s.held_on', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    cycleId: r.cycle_id,
    entityId: r.entity_id,
    heldOn: r.held_on,
    topics: r.topics,
    attendees: r.attendees,
    notes: r.notes,
    itemIds: (r.item_ids ?? []).map(Number),
    author: { actor: r.actor, userId: r.user_id, role: r.role ?? null, name: r.user_name },
    createdAt: r.created_at,
  }));
}
