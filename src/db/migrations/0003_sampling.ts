/**
 * Sampling (issue 4, item 1): the candidate units each entity offers for a cycle
 * (with their service products), and the one stored draw per entity and cycle with
 * everything needed to draw it again: seed, algorithm, entity code, rule and a
 * snapshot of the candidates.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('unit_candidates')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('products', 'jsonb', (c) =>
      c.notNull().defaultTo(sql`'[]'::jsonb`).check(sql`jsonb_typeof(products) = 'array'`),
    )
    .addUniqueConstraint('unit_candidates_cycle_entity_name', ['cycle_id', 'entity_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('samples')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
    .addColumn('seed', 'text', (c) => c.notNull().check(sql`seed <> ''`))
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('entity_code', 'text', (c) => c.notNull())
    .addColumn('rule', 'jsonb', (c) => c.notNull())
    .addColumn('candidates', 'jsonb', (c) => c.notNull())
    .addColumn('result', 'jsonb', (c) => c.notNull())
    .addColumn('drawn_by', 'text', (c) => c.notNull())
    .addColumn('drawn_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('samples_cycle_entity', ['cycle_id', 'entity_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('samples').ifExists().execute();
  await db.schema.dropTable('unit_candidates').ifExists().execute();
}
