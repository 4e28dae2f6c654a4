/**
 * The one place the services are wired: the database opened and brought up to date,
 * the instrument catalog loaded. The CLI, the HTTP server (through the CLI's serve)
 * and the tests build their ServiceContext here, the same way.
 */
import { type DatabaseConfig, openDatabase } from '../db/database.ts';
import type { ServiceContext } from './context.ts';
import { type Catalog, defaultCatalog } from './instrument-catalog.ts';
import { prepareDatabase, type SetupReport } from './setup.ts';

export interface Container {
  ctx: ServiceContext;
  /** what bringing the database up to date did (migrations, registry, stored results) */
  setup: SetupReport;
  close(): Promise<void>;
}

export async function openContainer(database: DatabaseConfig, catalog: Catalog = defaultCatalog()): Promise<Container> {
  const handle = await openDatabase(database);
  try {
    const setup = await prepareDatabase(handle.db, catalog);
    return { ctx: { db: handle.db, catalog }, setup, close: () => handle.close() };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
