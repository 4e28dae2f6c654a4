/**
 * From results to action (issue 5, items 5 and 6): follow-up items made from an
 * entity's findings, their status updates, the regional office's mentoring
 * sessions, and objections (sanggahan) with their threads.
 *
 * `cycles.final_at` records when a cycle last moved to final (results go to the
 * entities); the objection window counts from it. Existing cycles take it from
 * their last `cycle.transition` to final in the audit trail (none: the window never
 * opened, as for history imported as published).
 *
 * Depends only on 0001–0003, so 0004/0005 may be added later and still run
 * (database.ts allows unordered migrations).
 */
import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

/** sha256 hashes (hex) of evidence files held by the evidence store */
const evidenceColumn = (c: ColumnDefinitionBuilder) =>
  c.notNull().defaultTo(sql`'[]'::jsonb`).check(sql`jsonb_typeof(evidence) = 'array'`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cycles').addColumn('final_at', 'timestamptz').execute();
  await sql`
    update cycles c set final_at = a.at
    from (select subject, max(at) as at from audit_entries
          where action = 'cycle.transition' and after->>'status' = 'final' group by subject) a
    where a.subject = 'cycle:' || c.year`.execute(db);

  await db.schema
    .createTable('follow_up_items')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('cost', 'double precision', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open','in_progress','done')`),
    )
    .addColumn('due_date', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('follow_up_items_cycle_entity_indicator', ['cycle_id', 'entity_id', 'indicator'])
    .execute();

  await db.schema
    .createTable('follow_up_updates')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('follow_up_items.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','in_progress','done')`))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', evidenceColumn)
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('role', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('follow_up_updates_item').on('follow_up_updates').column('item_id').execute();

  await db.schema
    .createTable('mentoring_sessions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('topics', 'jsonb', (c) => c.notNull().check(sql`jsonb_typeof(topics) = 'array'`))
    .addColumn('attendees', 'jsonb', (c) => c.notNull().check(sql`jsonb_typeof(attendees) = 'array'`))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('mentoring_sessions_cycle_entity')
    .on('mentoring_sessions')
    .columns(['cycle_id', 'entity_id'])
    .execute();

  await db.schema
    .createTable('mentoring_session_items')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('mentoring_sessions.id').onDelete('cascade'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('follow_up_items.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('mentoring_session_items_pk', ['session_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('objections')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', evidenceColumn)
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open','accepted','rejected')`),
    )
    .addColumn('filed_by', 'text', (c) => c.notNull())
    .addColumn('filed_by_user', 'integer', (c) => c.references('users.id'))
    .addColumn('filed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_user', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_reason', 'text')
    /** accepted: {answers: {before, after}, entityScore: {before, after}} */
    .addColumn('correction', 'jsonb')
    .addCheckConstraint('objections_decided', sql`(status = 'open') = (decided_at is null)`)
    .execute();
  await db.schema.createIndex('objections_cycle_entity').on('objections').columns(['cycle_id', 'entity_id']).execute();
  // one open objection per unit and indicator: a second one joins the first's thread
  await sql`create unique index objections_one_open on objections (unit_id, indicator) where status = 'open'`.execute(
    db,
  );

  await db.schema
    .createTable('objection_messages')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('objection_id', 'integer', (c) => c.notNull().references('objections.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', evidenceColumn)
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('role', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('objection_messages_objection').on('objection_messages').column('objection_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'objection_messages',
    'objections',
    'mentoring_session_items',
    'mentoring_sessions',
    'follow_up_updates',
    'follow_up_items',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.alterTable('cycles').dropColumn('final_at').execute();
}
