import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { benchCatalog, setUp } from './sync.ts';
import { prepareDatabase } from '../src/services/setup.ts';
import { prepareSheets } from '../src/services/fieldwork/sync.ts';
import { storeSheets } from '../src/services/fieldwork/sync-store.ts';
import { authenticateToken } from '../src/services/auth/authenticate.ts';
import type { DB } from '../src/db/schema.ts';
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
await admin.query('drop database if exists patuh_prof with (force)');
await admin.query('create database patuh_prof');
const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/patuh_prof', max: 1 });
pool.on('error', () => {});
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
await prepareDatabase(db);
const ctx = { db, catalog: benchCatalog() };
const devices = await setUp(ctx);
const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid;
const cpu = () => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const u = await db.selectFrom('users').select(['id']).where('email','=','asisten1@bench.patuh.local').executeTakeFirstOrThrow();
const p = { kind: 'user' as const, role: 'assessor' as const, entityId: null, officeProvinceCode: '32', userId: u.id, tokenId: null };
const indicators = Array.from({ length: 50 }, (_, i) => `PR.STD.${String(i + 1).padStart(2, '0')}`);
let n = 0;
const mk = () => { n++; return { id: randomUUID(), unitId: devices[0]!.units[n % 8], kind: 'observation', respondent: `x-${n}`, baseVersion: 0, items: indicators.map((indicator, i) => ({ indicator, value: (n + i) % 4 })), clientCreatedAt: '2030-08-14T16:45:00+08:00' }; };
async function measure(label: string, iters: number, per: number, fn: () => Promise<unknown>) {
  const c0 = cpu(); const n0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < iters; i++) await fn();
  const c = process.cpuUsage(n0);
  console.log(label.padEnd(28), 'db ms/sub', ((cpu() - c0) / (iters * per)).toFixed(3), 'node ms/sub', ((c.user + c.system) / 1000 / (iters * per)).toFixed(3), 'wall ms/iter', ((performance.now() - t0) / iters).toFixed(2));
}
await measure('warm', 100, 1, async () => { const { ready } = await prepareSheets(ctx, p, [mk()]); await storeSheets(ctx, ready); });
await measure('auth (token+touch)', 1000, 1, () => authenticateToken(ctx, devices[0]!.token));
await measure('select 1', 1000, 1, () => sql`select 1`.execute(db));
for (const g of [1, 10, 50]) {
  await measure(`store group ${g}`, Math.ceil(600 / g), g, async () => { const { ready } = await prepareSheets(ctx, p, Array.from({ length: g }, mk)); await storeSheets(ctx, ready); });
}
await db.destroy();
await admin.query('drop database patuh_prof with (force)');
await admin.end();
