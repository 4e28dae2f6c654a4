/**
 * What every service needs, built once by the CLI, the HTTP server and the tests
 * (container.ts serviceContext): the database, the instrument catalog, and what this
 * process keeps for that database. Services take the narrow part they use.
 */
import type { Database } from '../db/database.ts';
import type { Catalog } from './instrument-catalog.ts';
import type { ServiceRuntime } from './runtime.ts';

export interface ServiceContext {
  db: Database;
  catalog: Catalog;
  /** this process's state for `db`: its driver, the token cache, the sync writer */
  runtime: ServiceRuntime;
  /** the least zxcvbn score (0–4) a new password needs; default 3 (services/auth/password-policy.ts) */
  passwordMinScore?: number;
}
