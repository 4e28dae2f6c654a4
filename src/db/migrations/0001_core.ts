import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('regional_offices')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable('entities')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('provinsi','kabupaten','kota','kementerian','lembaga')`),
    )
    .addColumn('province_code', 'text')
    .addColumn('aliases', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();

  await db.schema
    .createTable('cycles')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().unique())
    .addColumn('edition', 'text')
    .addColumn('band_scheme', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft','fieldwork','review','final','published')`),
    )
    .addColumn('settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('synthetic', 'boolean', (c) => c.notNull().defaultTo(false))
    .addUniqueConstraint('units_cycle_entity_name', ['cycle_id', 'entity_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('respondents')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addUniqueConstraint('respondents_unit_key', ['unit_id', 'key'])
    .execute();

  await db.schema
    .createTable('answers')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('respondent', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'smallint', (c) => c.check(sql`value between 0 and 3`))
    .addColumn('answered_by', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('answers_unit_indicator_respondent', ['unit_id', 'indicator', 'respondent'])
    .execute();
  await db.schema.createIndex('answers_cycle').on('answers').columns(['cycle_id', 'unit_id']).execute();

  await db.schema
    .createTable('published_entity_results')
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
    .addColumn('score', 'double precision', (c) => c.notNull().check(sql`score between 0 and 100`))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('published_entity_results_pk', ['cycle_id', 'entity_id'])
    .execute();

  await db.schema
    .createTable('published_unit_results')
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('score', 'double precision', (c) => c.notNull().check(sql`score between 0 and 100`))
    .addPrimaryKeyConstraint('published_unit_results_pk', ['cycle_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('computed_unit_results')
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
    .addColumn('score', 'double precision')
    .addColumn('complete', 'boolean', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('answered', 'integer', (c) => c.notNull())
    .addColumn('dimensions', 'jsonb', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('computed_unit_results_pk', ['cycle_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('computed_entity_results')
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
    .addColumn('score', 'double precision')
    .addColumn('complete', 'boolean', (c) => c.notNull())
    .addColumn('scored_units', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('computed_entity_results_pk', ['cycle_id', 'entity_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'computed_entity_results',
    'computed_unit_results',
    'published_unit_results',
    'published_entity_results',
    'answers',
    'respondents',
    'units',
    'cycles',
    'entities',
    'regional_offices',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
