/**
 * What every service needs, built once by the CLI, the HTTP server and the tests:
 * the database and the instrument catalog. Services take the narrow part they use.
 */
import type { Database } from '../db/database.ts';
import type { Catalog } from './instrument-catalog.ts';

export interface ServiceContext {
  db: Database;
  catalog: Catalog;
}
