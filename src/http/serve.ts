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

/** `say` prints a line for the person who runs it (the CLI gives its stdout). */
export async function serve(
  ctx: ServiceContext,
  config: Config,
  port: number,
  say: (line: string) => void,
): Promise<void> {
  const evidence = evidenceStorageFrom(config);
  // a store that cannot be used stops the start here, not at the first upload
  await evidence.store.check().catch((e: Error) => {
    throw new ConfigError(`evidence storage: ${e.message}`);
  });
  const app = await buildServer(ctx, {
    logLevel: config.logLevel,
    uploadLimitBytes: config.uploadLimitBytes,
    importLimits: config.imports,
    trustProxy: config.trustProxy,
    evidence,
  });
  const address = await app.listen({ port, host: config.host });
  say(`Patuh is serving at ${address}`);
  await serveUntilStopped(app, say);
  say('stopped: every request answered; closing the database');
}
