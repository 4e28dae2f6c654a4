/**
 * The HTTP server as `patuh serve` runs it: the evidence store checked, the server
 * built on the services' context, listening until SIGTERM or SIGINT (shutdown.ts).
 * The CLI is given this function by the composition root (src/main.ts); it does not
 * import http itself.
 */
import { type Config, ConfigError } from '../config.ts';
import type { ServiceContext } from '../services/context.ts';
import { evidenceStorageFrom } from '../services/evidence/storage.ts';
import { buildServer } from './server.ts';
import { serveUntilStopped } from './shutdown.ts';

export async function serve(ctx: ServiceContext, config: Config, port: number): Promise<void> {
  const evidence = evidenceStorageFrom(config);
  // a store that cannot be used stops the start here, not at the first upload
  await evidence.store.check().catch((e: Error) => {
    throw new ConfigError(`evidence storage: ${e.message}`);
  });
  const app = await buildServer(ctx, {
    logLevel: config.logLevel,
    uploadLimitBytes: config.uploadLimitBytes,
    trustProxy: config.trustProxy,
    evidence,
  });
  const address = await app.listen({ port, host: config.host });
  console.log(`Patuh is serving at ${address}`);
  await serveUntilStopped(app);
  console.log('stopped: every request answered; closing the database');
}
