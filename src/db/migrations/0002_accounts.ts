/**
 * Accounts (issue 3): users with a role and scope, browser sessions, API tokens,
 * and the audit trail. A role's scope is checked by the database too: an entity
 * official belongs to exactly one entity, an office head or assessor to exactly one
 * regional office, and nobody else carries either.
 */
import { type Kysely, sql } from 'kysely';

const ROLE_CHECK = sql`role in ('admin','central','office_head','assessor','entity_official')`;
const SCOPE_CHECKS = [
  sql`(role = 'entity_official') = (entity_id is not null)`,
  sql`(role in ('office_head','assessor')) = (office_id is not null)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique().check(sql`email = lower(email) and email like '%_@_%'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(ROLE_CHECK))
    .addColumn('entity_id', 'integer', (c) => c.references('entities.id'))
    .addColumn('office_id', 'integer', (c) => c.references('regional_offices.id'))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('users_entity_scope', SCOPE_CHECKS[0]!)
    .addCheckConstraint('users_office_scope', SCOPE_CHECKS[1]!)
    .execute();

  await db.schema
    .createTable('sessions')
    // sha256 (hex) of the token in the cookie: a database leak gives no usable session
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(ROLE_CHECK))
    .addColumn('entity_id', 'integer', (c) => c.references('entities.id'))
    .addColumn('office_id', 'integer', (c) => c.references('regional_offices.id'))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    .addCheckConstraint('api_tokens_entity_scope', SCOPE_CHECKS[0]!)
    .addCheckConstraint('api_tokens_office_scope', SCOPE_CHECKS[1]!)
    .execute();
  await db.schema.createIndex('api_tokens_created_by').on('api_tokens').column('created_by').execute();

  await db.schema
    .createTable('audit_entries')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute();
  // append-only: the trail is only ever added to (issue 4 chains the entries by hash)
  await sql`
    create function audit_entries_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_entries is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_entries_no_change before update or delete on audit_entries
    for each statement execute function audit_entries_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_entries').ifExists().execute();
  await sql`drop function if exists audit_entries_append_only()`.execute(db);
  for (const t of ['api_tokens', 'sessions', 'users']) await db.schema.dropTable(t).ifExists().execute();
}
