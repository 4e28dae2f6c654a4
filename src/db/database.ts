/**
 * Opens the database: PGlite (Postgres in-process, data in a folder) by default,
 * PostgreSQL when a connection string is given. Both run the same migrations.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, type DatabaseConnection, Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { type Migration, type MigrationProvider, Migrator, NO_MIGRATIONS } from 'kysely/migration';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import * as m0001 from './migrations/0001_core.ts';
import * as m0002 from './migrations/0002_accounts.ts';
import * as m0003 from './migrations/0003_sampling.ts';
import * as m0004 from './migrations/0004_fieldwork.ts';
import * as m0005 from './migrations/0005_audit_chain.ts';
import * as m0006 from './migrations/0006_followup.ts';
import * as m0007 from './migrations/0007_evidence.ts';
import * as m0008 from './migrations/0008_entity_lifespan.ts';
import * as m0016 from './migrations/0016_stored_results.ts';
import * as m0017 from './migrations/0017_assessments.ts';
import * as m0018 from './migrations/0018_sign_in_throttle.ts';
import * as m0019 from './migrations/0019_method_2025.ts';
import * as m0021 from './migrations/0021_evidence_uploads.ts';
import { durablePgliteOptions } from './pglite-durable.ts';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;

/** PGlite's dataDir null: in memory (tests), empty or started from `template` (a dump of another in-memory database). */
export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string | null; template?: Blob }
  | { kind: 'postgres'; url: string };

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseConfig['kind'];
  /** the driver under `db`, for what Kysely cannot do (streaming COPY in exports) */
  driver: RawDriver;
  close(): Promise<void>;
}

// PostgreSQL returns int8 as a string and timestamps as Date; make int8 a number
// (our bigint columns are row ids and counts, far below 2^53).
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** The driver under a Kysely instance, for what Kysely cannot do (streaming COPY in exports). */
export type RawDriver = { kind: 'postgres'; pool: pg.Pool } | { kind: 'pglite'; pglite: PGlite };

/**
 * SQL whose text starts with this comment (or has it right after its verb) is
 * prepared once per PostgreSQL connection and reused (parsed and planned once): for
 * hot paths whose text never varies, e.g. the sync endpoint's unnest statements and
 * the API-token lookup. Elsewhere (PGlite) it is only a comment.
 */
export const PREPARED = '/* prepared */';

/** The names of PREPARED statements by text (a handful: their texts never vary). */
const statementNames = new Map<string, string>();

/** Makes a pool client run PREPARED statements as named ones (the name: a digest of the text). */
function prepareMarked(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, ...rest: unknown[]) => {
    // at the start, or right after the verb (Kysely's modifyFront: "select /* prepared */ …")
    if (typeof text !== 'string' || !text.slice(0, 24).includes(PREPARED)) return query(text, ...rest);
    let name = statementNames.get(text);
    if (name === undefined) {
      name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      statementNames.set(text, name);
    }
    return query({ name, text, values: rest[0] }, ...rest.slice(1));
  };
}

const parsers = { 20: (v: string) => Number.parseInt(v, 10) };

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    pool.on('connect', prepareMarked);
    // An idle connection can be ended by the server (a restart, an administrator, a
    // dropped database); the pool then discards it and the next query opens another.
    // Without a listener, pg would rethrow that error and end the process.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', driver: { kind: 'postgres', pool }, close: () => db.destroy() };
  }
  if (config.dataDir === null) {
    const from = config.template ? { loadDataDir: config.template } : {};
    return openPglite(new PGlite({ parsers, ...from }), () => {});
  }
  // one process per folder (data-dir-lock.ts), durable commits (pglite-durable.ts, ADR 0011)
  mkdirSync(config.dataDir, { recursive: true });
  const lock = lockDataDir(config.dataDir);
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openPglite(new PGlite({ parsers, ...durablePgliteOptions(config.dataDir) }), () => lock.release());
    // what initdb wrote on a first start reaches the disk now (it writes without flushing)
    await handle.db.executeQuery(CompiledQuery.raw('checkpoint'));
    return handle;
  } catch (e) {
    if (handle) await handle.close();
    else lock.release();
    throw e;
  }
}

async function openPglite(pglite: PGlite, afterClose: () => void): Promise<DatabaseHandle> {
  await pglite.waitReady;
  // PGlite runs in this thread and its query promises resolve without a turn of the
  // event loop: a transaction of many statements would hold the loop for all of them
  // (an import: 35 s). Each statement first gives the loop a turn (docs/benchmarks.md).
  const onCreateConnection = async (conn: DatabaseConnection) => {
    const run = conn.executeQuery.bind(conn);
    const yielding = async <R>(q: CompiledQuery) => {
      await new Promise((r) => setImmediate(r));
      return run<R>(q);
    };
    conn.executeQuery = yielding as DatabaseConnection['executeQuery'];
  };
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite, onCreateConnection }) });
  return {
    db,
    kind: 'pglite',
    driver: { kind: 'pglite', pglite },
    close: async () => {
      try {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        afterClose();
      }
    },
  };
}

const migrations: Record<string, Migration> = {
  '0001_core': m0001,
  '0002_accounts': m0002,
  '0003_sampling': m0003,
  '0004_fieldwork': m0004,
  '0005_audit_chain': m0005,
  '0006_followup': m0006,
  '0007_evidence': m0007,
  '0008_entity_lifespan': m0008,
  '0016_stored_results': m0016,
  '0017_assessments': m0017,
  '0018_sign_in_throttle': m0018,
  '0019_method_2025': m0019,
  '0021_evidence_uploads': m0021,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrationReport {
  applied: string[];
}

type MigrationResults = Awaited<ReturnType<Migrator['migrateToLatest']>>;

function migrator(db: Database): Migrator {
  return new Migrator({ db, provider, allowUnorderedMigrations: true });
}

/** The names that ran; throws with the failing migration's name. */
function ranOrThrow({ error, results }: MigrationResults, direction: 'up' | 'down'): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const what = direction === 'down' ? 'down failed' : 'failed';
    throw new Error(`migration ${failed} ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Brings the schema up to date; throws with the failing migration's name.
 * Migrations run in name order; a migration added with a name before one already
 * applied (0004/0005 landing after 0006) still runs, hence allowUnorderedMigrations.
 * Such a migration must not depend on the later ones.
 */
export async function migrateToLatest(db: Database): Promise<MigrationReport> {
  return { applied: ranOrThrow(await migrator(db).migrateToLatest(), 'up') };
}

/** Runs every migration's down, newest first, to an empty schema (CI: up, down, up). */
export async function migrateDownToNothing(db: Database): Promise<string[]> {
  return ranOrThrow(await migrator(db).migrateTo(NO_MIGRATIONS), 'down');
}

/** Every migration this build knows, in name order. */
export const knownMigrations = (): string[] => Object.keys(migrations).sort();

/** The migrations applied to a database, in name order; [] when it has none (a new database). */
export async function appliedMigrations(db: Database): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  const rows = await (db as unknown as Kysely<{ kysely_migration: { name: string } }>)
    .selectFrom('kysely_migration')
    .select('name')
    .orderBy('name')
    .execute();
  return rows.map((r) => r.name);
}

/**
 * Brings the schema to exactly the migrations up to and including `last` (up or
 * down): a restore builds the schema its backup was taken with, loads it, then
 * migrates to the latest, so migrations that move data run on the restored rows.
 */
export async function migrateTo(db: Database, last: string): Promise<void> {
  ranOrThrow(await migrator(db).migrateTo(last), 'up');
}
