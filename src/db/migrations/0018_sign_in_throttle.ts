/**
 * Sign-in throttles in the database (issue 12, finding 3), so that every process
 * counts the same attempts: one row per key (an account and a network, a network,
 * an account; services/auth/login.ts). An attempt is counted before its password
 * is checked, under the row's lock. Rows untouched for a day are deleted.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('window_start', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('strikes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('blocked_until', 'timestamptz')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now() + interval '1 day'`))
    .execute();
  await db.schema.createIndex('sign_in_throttle_expires').on('sign_in_throttle').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_in_throttle').execute();
}
