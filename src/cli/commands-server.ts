/** patuh migrate / serve */
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { ensureDemoAdmin } from '../services/auth/ensure-demo-admin.ts';
import type { ServiceContext } from '../services/context.ts';
import { loadDemoIfEmpty } from '../services/demo.ts';
import { writeDemoPassword } from './demo-password.ts';
import { printJson, withContext } from './runtime.ts';

/** Runs the HTTP server until it is stopped (src/http/serve.ts, given by src/main.ts). */
export type Serve = (ctx: ServiceContext, config: Config, port: number, say: (line: string) => void) => Promise<void>;

export function registerServerCommands(program: Command, serve: Serve): void {
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
        await serve(ctx, config, o.port ? Number(o.port) : config.port, (line) => console.log(line));
      }),
    );
}
