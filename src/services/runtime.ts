/**
 * What one process keeps for one open database, made where the context is built
 * (container.ts serviceContext) and carried by the context, never in module state:
 * the driver under Kysely, the API-token cache, the sync endpoint's group writer.
 */
import type { RawDriver } from '../db/database.ts';
import { TokenCache } from './auth/authenticate.ts';
import type { ServiceContext } from './context.ts';
import { createSyncWriter, type SyncWriter } from './fieldwork/sync-writer.ts';

export interface ServiceRuntime {
  /** the database's own driver (COPY in exports; the writer's pacing) */
  driver: RawDriver;
  /** token lookups batched per event-loop turn, and when each token was last noted as used */
  tokens: TokenCache;
  /** one group-commit writer per database (docs/adr/0005-fieldwork-sync.md) */
  syncWriter: SyncWriter;
}

/** The runtime of `ctx`'s database (the context it is made for is complete but for it). */
export function createRuntime(ctx: Omit<ServiceContext, 'runtime'>, driver: RawDriver): ServiceRuntime {
  return { driver, tokens: new TokenCache(ctx.db), syncWriter: createSyncWriter(ctx, driver.kind) };
}
