/**
 * Runs a command with PATUH_TEST_DATABASE_URL pointing at the PostgreSQL server
 * (default postgres://postgres@127.0.0.1:5432/postgres), after checking it answers.
 */
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const url = process.env.PATUH_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  await client.query('select 1');
  await client.end();
} catch (e) {
  console.error(
    `PostgreSQL is not reachable at ${url} (${(e as Error).message}).\n` +
      'Start it (e.g. pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set PATUH_TEST_DATABASE_URL.',
  );
  process.exit(1);
}
const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error('usage: node scripts/with-postgres.ts COMMAND [ARGS…]');
  process.exit(2);
}
const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, PATUH_TEST_DATABASE_URL: url } });
process.exit(r.status ?? 1);
