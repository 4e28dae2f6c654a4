/**
 * What every service needs, built once by the CLI, the HTTP server and the tests:
 * the database and the instrument catalog. Services take the narrow part they use.
 */
import type { Database } from '../db/database.ts';
import type { Catalog } from './instrument-catalog.ts';

export interface ServiceContext {
  db: Database;
  catalog: Catalog;
  /** the least zxcvbn score (0–4) a new password needs; default 3 (services/auth/password-policy.ts) */
  passwordMinScore?: number;
}
