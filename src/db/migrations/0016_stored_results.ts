/**
 * Results stored when written (issue 9, item 7): each entity's result of a cycle as
 * people see it — score, band, opinion, zone, ranks, units — written in the same
 * transaction as the answers, published results or other inputs that changed it
 * (services/results/stored-results.ts). Reading one entity's result is then an indexed read.
 * `view` holds the whole result as the services present it; the columns beside it
 * are what reads filter and sort on. prepareDatabase fills it for every cycle at each
 * start, so a database migrated before this (or a corrected band scheme) is current.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stored_results')
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
    .addColumn('entity_code', 'text', (c) => c.notNull())
    .addColumn('exact_score', 'double precision', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('opinion', 'text', (c) => c.notNull())
    .addColumn('zone', 'text')
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('province_rank', 'integer')
    .addColumn('view', 'jsonb', (c) => c.notNull())
    .addColumn('stored_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('stored_results_pkey', ['cycle_id', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('stored_results_order')
    .on('stored_results')
    .columns(['cycle_id', 'exact_score desc', 'entity_code'])
    .execute();
  // what the stored results of a cycle were computed with: a fingerprint of the band
  // scheme, the instrument, the registry and the stored format (services/results/stored-results.ts)
  await db.schema
    .createTable('stored_results_basis')
    .addColumn('cycle_id', 'integer', (c) => c.primaryKey().references('cycles.id').onDelete('cascade'))
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('stored_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('stored_results_entity')
    .on('stored_results')
    .columns(['entity_id', 'cycle_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stored_results_basis').ifExists().execute();
  await db.schema.dropTable('stored_results').ifExists().execute();
}
