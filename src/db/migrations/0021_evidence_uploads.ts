/**
 * Who uploaded each piece of evidence (issue 12, finding 5). The same bytes can be
 * uploaded by several people, and each of them may then see and link the file, so
 * every (file, user) pair is a row; `evidence.created_by` stays as the first
 * uploader. Existing files get their first uploader as a row. Depends only on 0007.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence_uploads')
    .addColumn('evidence_sha256', 'text', (c) => c.notNull().references('evidence.sha256').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('evidence_uploads_pkey', ['evidence_sha256', 'user_id'])
    .execute();
  await db.schema.createIndex('evidence_uploads_user').on('evidence_uploads').columns(['user_id']).execute();
  await sql`insert into evidence_uploads (evidence_sha256, user_id, at)
            select sha256, created_by, created_at from evidence where created_by is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('evidence_uploads').ifExists().execute();
}
