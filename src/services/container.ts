/**
 * The one place the services are wired: the database opened and brought up to date,
 * the instrument catalog loaded. The CLI, the HTTP server (through the CLI's serve)
 * and the tests build their ServiceContext here, the same way.
 */
import type { Config } from '../config.ts';
import { type DatabaseConfig, type DatabaseHandle, openDatabase } from '../db/database.ts';
import type { ServiceContext } from './context.ts';
import type { BlobStore } from './evidence/blob-store.ts';
import { evidenceStorageFrom } from './evidence/storage.ts';
import { type Catalog, defaultCatalog } from './instrument-catalog.ts';
import { createRuntime } from './runtime.ts';
import { prepareDatabase, type SetupReport } from './setup.ts';

export interface Container {
  ctx: ServiceContext;
  /** what bringing the database up to date did (migrations, registry, stored results) */
  setup: SetupReport;
  close(): Promise<void>;
}

export async function openContainer(
  database: DatabaseConfig,
  opts: { catalog?: Catalog; passwordMinScore?: number } = {},
): Promise<Container> {
  const catalog = opts.catalog ?? defaultCatalog();
  const handle = await openDatabase(database);
  try {
    const setup = await prepareDatabase(handle.db, catalog);
    // the editions in use are served from their frozen copies
    const ctx = serviceContext(handle, setup.catalog, opts);
    return { ctx, setup, close: () => handle.close() };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** The context of an open database: the one way a ServiceContext is made (server, CLI, tests, bench). */
export function serviceContext(
  handle: Pick<DatabaseHandle, 'db' | 'driver'>,
  catalog: Catalog,
  opts: { passwordMinScore?: number } = {},
): ServiceContext {
  const base = {
    db: handle.db,
    catalog,
    ...(opts.passwordMinScore === undefined ? {} : { passwordMinScore: opts.passwordMinScore }),
  };
  return { ...base, runtime: createRuntime(base, handle.driver) };
}

/**
 * The database as configured and the evidence store, opened WITHOUT setup: a backup
 * only reads, and a restore must find its target as it is (setup would write to it).
 */
export async function openStores(config: Config): Promise<{ handle: DatabaseHandle; store: BlobStore }> {
  const { store } = evidenceStorageFrom(config);
  await store.check();
  return { handle: await openDatabase(config.database), store };
}
