/**
 * Evidence (issue 4 item 4): files held by the blob store under the sha256 of their
 * bytes, and the links saying what each supports ("submission:<uuid>",
 * "followup:<id>" …, optionally one item). A row exists only once its bytes are
 * durable in the store. Depends only on 0002 (users); 0007 because 0006 was taken
 * when it was written (database.ts allows unordered migrations).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence')
    .addColumn('sha256', 'text', (c) => c.primaryKey().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('media_type', 'text', (c) =>
      c.notNull().check(sql`media_type in ('image/jpeg','image/png','image/webp','application/pdf')`),
    )
    .addColumn('size', 'bigint', (c) => c.notNull().check(sql`size > 0`))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('evidence_created_by').on('evidence').column('created_by').execute();

  await db.schema
    .createTable('evidence_links')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('evidence_sha256', 'text', (c) => c.notNull().references('evidence.sha256'))
    .addColumn('subject', 'text', (c) => c.notNull().check(sql`subject ~ '^[a-z][a-z_-]*:.+$'`))
    .addColumn('item', 'text')
    .addColumn('linked_by', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index evidence_links_unique on evidence_links (evidence_sha256, subject, coalesce(item, ''))`.execute(
    db,
  );
  await db.schema.createIndex('evidence_links_subject').on('evidence_links').column('subject').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('evidence_links').ifExists().execute();
  await db.schema.dropTable('evidence').ifExists().execute();
}
