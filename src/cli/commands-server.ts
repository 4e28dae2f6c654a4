/** patuh migrate / serve */
import type { Command } from 'commander';
import { ConfigError } from '../config.ts';
import { buildServer } from '../http/server.ts';
import { ensureDemoAdmin } from '../services/auth/ensure-demo-admin.ts';
import { loadDemoIfEmpty } from '../services/demo.ts';
import { evidenceStorageFrom } from '../services/evidence/storage.ts';
import { writeDemoPassword } from './demo-password.ts';
import { printJson, withContext } from './runtime.ts';
import { serveUntilStopped } from './shutdown.ts';

export function registerServerCommands(program: Command): void {
  program
    .command('migrate')
    .description('bring the database up to date (migrations, registry, known cycles)')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) =>
      withContext(async ({ config }) => {
        // openContext already migrated; report where
        const where =
          config.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.database.dataDir}`;
        if (o.json) printJson({ ok: true, database: config.database.kind });
        else console.log(`database is up to date: ${where}`);
      }, o.json),
    );

  program
    .command('serve')
    .description('start the HTTP server')
    .option('--demo', 'load the synthetic 2022 demo first when the database has none')
    .option('--port <port>', 'port (default: PORT or 3000)')
    .action(async (o: { demo?: boolean; port?: string }) =>
      withContext(async ({ ctx, config }) => {
        if (o.demo && (await loadDemoIfEmpty(ctx))) {
          console.log('loaded the 2022 demo: Kota Bekasi and Kota Kendari with SYNTHETIC answers');
        }
        const admin = o.demo ? await ensureDemoAdmin(ctx) : null;
        if (admin) {
          const file = writeDemoPassword(config.dataDir, admin.email, admin.password);
          console.log(
            `demo admin created: sign in as ${admin.email} with the password in ${file} (readable only by you)`,
          );
          console.log(
            '(change it with: patuh user reset-password --email admin@patuh.local --password-stdin, then delete the file)',
          );
        } else if (o.demo) {
          console.log(
            'sign in with an existing account; a forgotten password: patuh user reset-password --email E --password-stdin',
          );
        }
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
        const port = o.port ? Number(o.port) : config.port;
        const address = await app.listen({ port, host: config.host });
        console.log(`Patuh is serving at ${address}`);
        await serveUntilStopped(app);
        console.log('stopped: every request answered; closing the database');
      }),
    );
}
