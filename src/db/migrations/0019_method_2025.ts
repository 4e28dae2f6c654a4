/**
 * The 2025 method (issue 9, items 4–6):
 *  - public_trust: per cycle and entity, the trust score and the service users'
 *    maladministration perception (0–100), with where they came from (`source`:
 *    "import:<file>" now, the public surveys of issue 10 later);
 *  - supervision_products: the register of the Ombudsman's supervision products per
 *    entity (LAHP, LHA, saran penyempurnaan, rekomendasi) with number, dates,
 *    follow-up status and evidence hashes; not per cycle: each assessment reads the
 *    products due by its reference date;
 *  - award_holds: a report card and certificate withheld (entity, or one unit) with a
 *    reason; released_at set when released; at most one open hold per subject;
 *  - units.province_code: the province of a vertical office (Polres, Lapas, …).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('public_trust')
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
    .addColumn('trust_score', 'double precision', (c) => c.notNull().check(sql`trust_score between 0 and 100`))
    .addColumn('perception', 'double precision', (c) => c.check(sql`perception between 0 and 100`))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('public_trust_pkey', ['cycle_id', 'entity_id'])
    .execute();
  await db.schema
    .createTable('supervision_products')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('lahp', 'lha', 'saran_penyempurnaan', 'rekomendasi')`),
    )
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('belum', 'proses', 'selesai')`))
    .addColumn('evidence_hashes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('note', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('supervision_products_number', ['entity_id', 'kind', 'number'])
    .execute();
  await db.schema
    .createTable('award_holds')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('held_by', 'text', (c) => c.notNull())
    .addColumn('held_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('released_by', 'text')
    .addColumn('released_at', 'timestamptz')
    .execute();
  await sql`create unique index award_holds_open on award_holds (cycle_id, entity_id, coalesce(unit_id, 0))
    where released_at is null`.execute(db);
  await db.schema.alterTable('units').addColumn('province_code', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('units').dropColumn('province_code').execute();
  await db.schema.dropTable('award_holds').ifExists().execute();
  await db.schema.dropTable('supervision_products').ifExists().execute();
  await db.schema.dropTable('public_trust').ifExists().execute();
}
