/**
 * The lifespan of ministries and agencies that were split or reshaped
 * (registry/agencies.json "until" and "successors"): the last year the body existed
 * and the codes of the bodies that took over its services. Both null for every other
 * entity. The values come from the registry: prepareDatabase (services/setup.ts)
 * sets them on every start, so a database migrated before this gets them too.
 * jsonb like `aliases`, so that PGlite and PostgreSQL read it the same way.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('entities').addColumn('until_year', 'integer').execute();
  await db.schema
    .alterTable('entities')
    .addColumn('successor_codes', 'jsonb', (c) =>
      c.check(sql`successor_codes is null or jsonb_typeof(successor_codes) = 'array'`),
    )
    .execute();
  await sql`alter table entities add constraint entities_lifespan_together
    check ((until_year is null) = (successor_codes is null))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table entities drop constraint if exists entities_lifespan_together`.execute(db);
  await db.schema.alterTable('entities').dropColumn('successor_codes').execute();
  await db.schema.alterTable('entities').dropColumn('until_year').execute();
}
