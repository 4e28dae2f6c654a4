/**
 * Fieldwork (issue 4, items 2, 3 and 5): who is assigned to which entity or unit,
 * the sheets assessors submit (one row per sheet, one row per version of it),
 * reviewers' comments, and each sheet's status history.
 *
 * The database holds the rules that matter under concurrency: a sheet is stored
 * once per id (primary key) and once per unit, kind and respondent; a version
 * number is taken once per sheet; a client id posted from one base version is
 * stored once. Units, entities and cycles of a sheet or an assignment agree (a
 * composite foreign key on units). Depends only on 0001 and 0002.
 */
import { type Kysely, sql } from 'kysely';

const KINDS = sql`('observation','official_interview','complaint_officer_interview','service_user_interview','document_check')`;
const STATUSES = sql`('submitted','verified','validated','returned')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // lets assignments and submissions name a unit together with its cycle and entity
  await sql`alter table units add constraint units_id_cycle_entity unique (id, cycle_id, entity_id)`.execute(db);

  await db.schema
    .createTable('assignments')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
    // null: the whole entity
    .addColumn('unit_id', 'integer')
    .addColumn('assessor_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'date')
    .addColumn('ends_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint(
      'assignments_unit',
      ['unit_id', 'cycle_id', 'entity_id'],
      'units',
      ['id', 'cycle_id', 'entity_id'],
      (c) => c.onDelete('cascade'),
    )
    .addCheckConstraint('assignments_dates', sql`starts_on is null or ends_on is null or starts_on <= ends_on`)
    .execute();
  await sql`create unique index assignments_once on assignments (cycle_id, assessor_id, entity_id, coalesce(unit_id, 0))`.execute(
    db,
  );
  await db.schema
    .createIndex('assignments_cycle_entity')
    .on('assignments')
    .columns(['cycle_id', 'entity_id'])
    .execute();

  await db.schema
    .createTable('submissions')
    // the client-generated id of the sheet's first post
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('assessor_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ${KINDS}`))
    .addColumn('respondent', 'text', (c) => c.notNull().defaultTo('').check(sql`length(respondent) <= 64`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${STATUSES}`))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    // the version whose answers are in `answers` (null: none validated yet)
    .addColumn('validated_version', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint(
      'submissions_unit',
      ['unit_id', 'cycle_id', 'entity_id'],
      'units',
      ['id', 'cycle_id', 'entity_id'],
      (c) => c.onDelete('cascade'),
    )
    .addUniqueConstraint('submissions_sheet', ['unit_id', 'kind', 'respondent'])
    .addCheckConstraint('submissions_validated_version', sql`validated_version is null or validated_version <= version`)
    .execute();
  await db.schema
    .createIndex('submissions_assessor_updated')
    .on('submissions')
    .columns(['assessor_id', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('submissions_cycle_entity')
    .on('submissions')
    .columns(['cycle_id', 'entity_id', 'status'])
    .execute();

  await db.schema
    .createTable('submission_versions')
    .addColumn('submission_id', 'uuid', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    // the client id this version was posted with (null: made on the server, e.g. a reviewer's correction)
    .addColumn('post_id', 'uuid')
    .addColumn('base_version', 'integer', (c) => c.notNull().check(sql`base_version >= 0 and base_version < version`))
    // [[indicator, value (0..3 | null), note?, [sha256]?]] sorted by indicator (packItems, domain/fieldwork/submission.ts)
    .addColumn('items', 'jsonb', (c) => c.notNull().check(sql`jsonb_typeof(items) = 'array'`))
    // sha256 of the canonical content (domain/fieldwork/submission.ts): equal = a retry
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('client_created_at', 'timestamptz')
    // {lat, lng, accuracy?, at?} as the device reported it
    .addColumn('gps', 'jsonb')
    .addPrimaryKeyConstraint('submission_versions_pk', ['submission_id', 'version'])
    .addUniqueConstraint('submission_versions_post', ['post_id', 'base_version'])
    .execute();

  await db.schema
    .createTable('submission_comments')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('submission_id', 'uuid', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    // the version commented on
    .addColumn('version', 'integer', (c) => c.notNull())
    // null: the whole sheet
    .addColumn('indicator', 'text')
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`length(body) between 1 and 4000`))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('resolved', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema
    .createIndex('submission_comments_submission')
    .on('submission_comments')
    .column('submission_id')
    .execute();

  await db.schema
    .createTable('submission_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('submission_id', 'uuid', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.check(sql`from_status in ${STATUSES}`))
    .addColumn('to_status', 'text', (c) => c.notNull().check(sql`to_status in ${STATUSES}`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('submission_events_submission').on('submission_events').column('submission_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['submission_events', 'submission_comments', 'submission_versions', 'submissions', 'assignments']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`alter table units drop constraint if exists units_id_cycle_entity`.execute(db);
}
