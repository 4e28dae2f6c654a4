/**
 * An assessment is the unit of work (issue 9, items 2 and 3; ADR 0012). A `cycles` row
 * is an assessment: a year may hold several, each named by a unique `code` ("2022" for
 * the rows before this migration), with a `track` (official or self), the `levels` of
 * entity it covers, and for a self-assessment the official assessment whose units it
 * shares (`parent_id`). Answers are unique per assessment, unit, indicator and
 * respondent, so an official and a self-assessment answer never overwrite each other.
 * The answer scale comes from the instrument: the 0..3 check becomes a generous range.
 * `instrument_editions` keeps the edition an assessment first used (frozen editions).
 */
import { type Kysely, sql } from 'kysely';

const ALL_LEVELS = `'["provinsi","kabupaten","kota","kementerian","lembaga"]'::jsonb`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table cycles add column code text`.execute(db);
  await sql`update cycles set code = year::text`.execute(db);
  await sql`alter table cycles alter column code set not null`.execute(db);
  await sql`alter table cycles add constraint cycles_code_key unique (code)`.execute(db);
  await sql`alter table cycles add column track text not null default 'official'
            constraint cycles_track_check check (track in ('official','self'))`.execute(db);
  await sql.raw(`alter table cycles add column levels jsonb not null default ${ALL_LEVELS}`).execute(db);
  await sql`alter table cycles add column parent_id integer references cycles(id)`.execute(db);
  await sql`alter table cycles add constraint cycles_parent_of_self
            check ((track = 'self') = (parent_id is not null))`.execute(db);
  await sql`alter table cycles drop constraint cycles_year_key`.execute(db);
  await sql`create index cycles_year on cycles (year)`.execute(db);

  await sql`alter table answers drop constraint answers_unit_indicator_respondent`.execute(db);
  await sql`alter table answers add constraint answers_cycle_unit_indicator_respondent
            unique (cycle_id, unit_id, indicator, respondent)`.execute(db);
  await sql`alter table answers drop constraint answers_value_check`.execute(db);
  await sql`alter table answers add constraint answers_value_check check (value between 0 and 1000)`.execute(db);

  await db.schema
    .createTable('instrument_editions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('stored_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('instrument_editions').ifExists().execute();
  // answers of a self-assessment, or answers outside 0..3, do not fit the old model
  await sql`delete from answers a using cycles c where c.id = a.cycle_id and c.track = 'self'`.execute(db);
  await sql`delete from answers where value > 3`.execute(db);
  await sql`alter table answers drop constraint answers_value_check`.execute(db);
  await sql`alter table answers add constraint answers_value_check check (value between 0 and 3)`.execute(db);
  await sql`alter table answers drop constraint answers_cycle_unit_indicator_respondent`.execute(db);
  await sql`alter table answers add constraint answers_unit_indicator_respondent
            unique (unit_id, indicator, respondent)`.execute(db);
  await sql`delete from cycles where track = 'self'`.execute(db);
  await sql`drop index cycles_year`.execute(db);
  await sql`alter table cycles add constraint cycles_year_key unique (year)`.execute(db);
  await sql`alter table cycles drop constraint cycles_parent_of_self`.execute(db);
  for (const c of ['parent_id', 'levels', 'track', 'code']) {
    await sql.raw(`alter table cycles drop column ${c}`).execute(db);
  }
}
