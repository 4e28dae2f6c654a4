/**
 * The sync benchmark (issue 4, item 7): the real server (buildServer) on 127.0.0.1,
 * an ephemeral port, a fresh database with one cycle in fieldwork and 32 assessors
 * assigned to entities of one province, each with an API token (Bearer: no CSRF).
 * A child process drives POST /api/v1/sync over keep-alive loopback connections with
 * observation sheets of 50 answers, at concurrency 1, 8 and 32, one sheet per request
 * and ten per request, bounded by count and time. After each level the stored rows
 * and the audit chain are counted (the sync does no background work, so there is
 * nothing else to drain). Floor, same run: the same rows written by one batched INSERT.
 */

import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database, DatabaseHandle } from '../src/db/database.ts';
import { listEntities } from '../src/db/repos/entities.ts';
import { ensureUnits } from '../src/db/repos/units.ts';
import { parseInstrument } from '../src/domain/instrument/schema.ts';
import { buildServer } from '../src/http/server.ts';
import { createUser } from '../src/services/auth/create-user.ts';
import { createToken } from '../src/services/auth/manage-tokens.ts';
import { SYSTEM } from '../src/services/auth/principal.ts';
import { serviceContext } from '../src/services/container.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { createAssignment } from '../src/services/fieldwork/assignments.ts';
import { type Catalog, defaultCatalog } from '../src/services/instrument-catalog.ts';
import { createCycle } from '../src/services/lifecycle/create-cycle.ts';
import { transitionCycle } from '../src/services/lifecycle/transition-cycle.ts';
import { prepareDatabase } from '../src/services/setup.ts';
import type { ClientJob, ClientResult } from './sync-client.ts';

const YEAR = 2030;
const EDITION = 'bench-sync-50';
const ANSWERS = 50;
const DEVICES = 32;
const ENTITIES = 8;
const UNITS_PER_ENTITY = 8;
const PROVINCE = '32';

export const LEVELS = [
  { concurrency: 1, batch: 1, maxSubmissions: 1_500 },
  { concurrency: 8, batch: 1, maxSubmissions: 6_000 },
  { concurrency: 32, batch: 1, maxSubmissions: 12_000 },
  { concurrency: 1, batch: 10, maxSubmissions: 5_000 },
  { concurrency: 8, batch: 10, maxSubmissions: 20_000 },
  { concurrency: 32, batch: 10, maxSubmissions: 30_000 },
] as const;
/** PATUH_BENCH_SCALE=0.1 for a quick look (bounds scaled down) */
const SCALE = Number(process.env.PATUH_BENCH_SCALE ?? 1);
const MAX_SECONDS = 10 * SCALE;

export interface SyncRow {
  backend: string;
  concurrency: number;
  batch: number;
  submissions: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  floorPerSecond: number;
  /** stored rows counted after the level = acknowledged ones, and the audit chain grew by as many */
  drained: boolean;
  /** CPU of the server process (HTTP, services, and PGlite when embedded) per stored submission */
  serverCpuMs: number;
  /** CPU of the database's own processes (PostgreSQL backends of this database) per stored submission */
  dbCpuMs: number;
  /** the machine's 1-minute load average at the end of the level (2 cores: above 2, others were running too) */
  load: number;
  /** sheets per transaction: the group commit's mean group */
  perTransaction: number;
  note: string;
}

/** The 2023 instrument with its observed service-standard variable widened to 50 indicators (a 50-answer sheet). */
export function benchCatalog(): Catalog {
  const base = defaultCatalog();
  const inst = structuredClone(base.editions.get('pemda-2023'));
  const std = inst?.dimensions.find((d) => d.code === 'PR')?.variables[0];
  const first = std?.indicators[0];
  if (!inst || !std || !first) throw new Error('pemda-2023 is not installed');
  std.indicators = Array.from({ length: ANSWERS }, (_, i) => ({
    ...structuredClone(first),
    code: `PR.STD.${String(i + 1).padStart(2, '0')}`,
  }));
  inst.edition = EDITION;
  const parsed = parseInstrument(inst);
  if (!parsed.ok) throw new Error(`bench instrument: ${JSON.stringify(parsed.problems)}`);
  return { editions: new Map([...base.editions, [EDITION, parsed.value]]), bandSchemes: base.bandSchemes };
}

export async function setUp(ctx: ServiceContext): Promise<ClientJob['devices']> {
  await createCycle(ctx, SYSTEM, { year: YEAR, edition: EDITION, bandScheme: 'categories-2022' });
  const cycleId = (await ctx.db.selectFrom('cycles').select('id').where('year', '=', YEAR).executeTakeFirstOrThrow())
    .id;
  const entities = (await listEntities(ctx.db))
    .filter((e) => e.provinceCode === PROVINCE && e.level !== 'provinsi')
    .slice(0, ENTITIES);
  const wanted = entities.flatMap((e) =>
    Array.from({ length: UNITS_PER_ENTITY }, (_, u) => ({ entityId: e.id, name: `Unit Layanan ${u + 1}` })),
  );
  const units = await ensureUnits(ctx.db, cycleId, wanted);
  await transitionCycle(ctx, SYSTEM, YEAR, 'fieldwork');
  const devices: ClientJob['devices'] = [];
  for (let k = 0; k < DEVICES; k++) {
    const e = entities[k % entities.length];
    if (!e) throw new Error('no entities in the bench province');
    const u = await createUser(ctx, SYSTEM, {
      email: `asisten${k + 1}@bench.patuh.local`,
      role: 'assessor',
      password: randomUUID(),
      office: PROVINCE,
    });
    await createAssignment(ctx, SYSTEM, YEAR, { assessorId: u.id, entity: e.code });
    const token = (await createToken(ctx, SYSTEM, { name: 'bench device', ownerId: u.id })).token;
    const mine = wanted
      .filter((w) => w.entityId === e.id)
      .map((w) => units.get(`${e.id}\u0000${w.name.toLowerCase()}`));
    devices.push({ token, units: mine.filter((x): x is number => x !== undefined) });
  }
  return devices;
}

function runClient(job: ClientJob): Promise<ClientResult> {
  const child = fork(path.join(import.meta.dirname, 'sync-client.ts'), [], { stdio: 'inherit', execArgv: [] });
  return new Promise<ClientResult>((resolve, reject) => {
    child.once('message', (m: { ok: boolean; result?: ClientResult; error?: string }) => {
      child.kill();
      if (m.ok && m.result) resolve(m.result);
      else reject(new Error(m.error ?? 'the load client failed'));
    });
    child.once('error', reject);
    child.send(job);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);

async function counts(db: Database): Promise<{ sheets: number; audit: number }> {
  const r = await sql<{ sheets: number; audit: number }>`
    select (select count(*)::int from submissions) as sheets, (select seq::int from audit_chain_head where id = 1) as audit`.execute(
    db,
  );
  return r.rows[0] ?? { sheets: 0, audit: 0 };
}

/** CPU time (ms) of this database's PostgreSQL backends by pid, from /proc; empty for PGlite (it runs in the server process). */
async function dbCpu(handle: DatabaseHandle): Promise<Map<number, number>> {
  const { db } = handle;
  const out = new Map<number, number>();
  if (handle.driver.kind !== 'postgres') return out;
  const r = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(db);
  for (const { pid } of r.rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      out.set(pid, (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10); // utime + stime, USER_HZ = 100
    } catch {
      // a backend that ended meanwhile
    }
  }
  return out;
}

/** CPU used between two snapshots: backends in both by their difference, new ones whole (an idle one that ended did nothing). */
function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}

class Rollback extends Error {}

/**
 * The floor: the rows a level stored (sheets, their versions and events) deleted and
 * written again by one INSERT statement (a CTE over unnest, like the sync's own),
 * timed, and rolled back. The audit entries are not part of it (they cannot be
 * deleted; the chain is the audit engineer's).
 */
async function floorPerSecond(db: Database, tag: string): Promise<number> {
  let seconds = 0;
  let n = 0;
  await db
    .transaction()
    .execute(async (tx) => {
      const rows = await sql<Record<string, unknown>>`
        select s.id, s.cycle_id, s.entity_id, s.unit_id, s.assessor_id, s.kind, s.respondent,
               v.items::text as items, v.content_hash, v.author, v.client_created_at::text as cca, v.gps::text as gps
        from submissions s join submission_versions v on v.submission_id = s.id
        where s.respondent like ${`${tag}-%`}`.execute(tx);
      n = rows.rows.length;
      await sql`delete from submissions where respondent like ${`${tag}-%`}`.execute(tx);
      const col = (k: string) => rows.rows.map((r) => r[k]);
      const t0 = performance.now();
      await sql`
        with t as (select * from unnest(${col('id')}::uuid[], ${col('cycle_id')}::int[], ${col('entity_id')}::int[],
                     ${col('unit_id')}::int[], ${col('assessor_id')}::int[], ${col('kind')}::text[], ${col('respondent')}::text[],
                     ${col('items')}::text[], ${col('content_hash')}::text[], ${col('author')}::text[], ${col('cca')}::text[],
                     ${col('gps')}::text[])
                   as t(id, cycle_id, entity_id, unit_id, assessor_id, kind, respondent, items, hash, author, cca, gps)),
        s as (insert into submissions (id, cycle_id, entity_id, unit_id, assessor_id, kind, respondent, status, version)
              select id, cycle_id, entity_id, unit_id, assessor_id, kind, respondent, 'submitted', 1 from t returning id),
        v as (insert into submission_versions (submission_id, version, post_id, base_version, items, content_hash, author,
                                               author_id, client_created_at, gps)
              select id, 1, id, 0, items::jsonb, hash, author, assessor_id, cca::timestamptz, gps::jsonb from t)
        insert into submission_events (submission_id, version, from_status, to_status, actor)
        select id, 1, null, 'submitted', author from t`.execute(tx);
      seconds = (performance.now() - t0) / 1000;
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return n / seconds;
}

/** Runs every level against one fresh database; `open` makes it. */
export async function benchSync(label: string, open: () => Promise<DatabaseHandle>): Promise<SyncRow[]> {
  const handle = await open();
  // idle connections ended by the database's removal must not crash the bench (pg emits them on the pool)
  const { driver } = handle;
  if (driver.kind === 'postgres') driver.pool.on('error', () => {});
  const ctx = serviceContext(handle, benchCatalog());
  const app = await buildServer(ctx, { logLevel: 'silent', webDist: null });
  const rows: SyncRow[] = [];
  try {
    await prepareDatabase(handle.db);
    process.stderr.write(`[${label}] sync: setting up ${DEVICES} assessors\n`);
    const devices = await setUp(ctx);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string' || address.address !== '127.0.0.1') {
      throw new Error('the bench server must listen on 127.0.0.1 only');
    }
    const indicators = Array.from({ length: ANSWERS }, (_, i) => `PR.STD.${String(i + 1).padStart(2, '0')}`);
    const job = (tag: string, concurrency: number, batch: number, maxSubmissions: number): ClientJob => ({
      port: address.port,
      concurrency,
      batch,
      maxSubmissions,
      maxSeconds: MAX_SECONDS,
      devices,
      indicators,
      tag,
    });
    await runClient(job('warm', 8, 1, 400));
    // PATUH_BENCH_LEVELS=32x1,32x10 runs only those (concurrency x per request)
    const only = process.env.PATUH_BENCH_LEVELS?.split(',');
    for (const [k, level] of LEVELS.entries()) {
      if (only && !only.includes(`${level.concurrency}x${level.batch}`)) continue;
      const tag = `L${k}`;
      const before = await counts(handle.db);
      process.stderr.write(`[${label}] sync: concurrency ${level.concurrency}, ${level.batch} per request\n`);
      const cpu0 = process.cpuUsage();
      const writer0 = { ...ctx.runtime.syncWriter.stats };
      const db0 = await dbCpu(handle);
      const r = await runClient(job(tag, level.concurrency, level.batch, Math.ceil(level.maxSubmissions * SCALE)));
      const cpu = process.cpuUsage(cpu0);
      const serverMs = (cpu.user + cpu.system) / 1000;
      const dbMs = cpuBetween(db0, await dbCpu(handle));
      const writer = ctx.runtime.syncWriter.stats;
      const perTransaction = (writer.sheets - writer0.sheets) / Math.max(1, writer.transactions - writer0.transactions);
      const after = await counts(handle.db);
      const stored = r.outcomes.stored ?? 0;
      const latencies = r.latenciesMs.sort((a, b) => a - b);
      const floor = await floorPerSecond(handle.db, tag);
      const problems = [
        r.httpErrors ? `${r.httpErrors} HTTP errors (${r.firstError})` : '',
        stored !== r.submissions ? `${r.submissions - stored} not stored: ${JSON.stringify(r.outcomes)}` : '',
      ].filter(Boolean);
      rows.push({
        backend: label,
        concurrency: level.concurrency,
        batch: level.batch,
        submissions: r.submissions,
        seconds: r.seconds,
        perSecond: stored / r.seconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        floorPerSecond: floor,
        drained: after.sheets - before.sheets === stored && after.audit - before.audit === stored,
        serverCpuMs: serverMs / Math.max(1, stored),
        dbCpuMs: dbMs / Math.max(1, stored),
        load: os.loadavg()[0] ?? 0,
        perTransaction,
        note: problems.join('; '),
      });
    }
  } finally {
    await app.close();
    await handle.close();
  }
  return rows;
}

export function syncSection(rows: readonly SyncRow[]): string[] {
  return [
    '## Sync endpoint (issue 4)',
    '',
    'POST /api/v1/sync over loopback HTTP (keep-alive, one connection per simulated device, the load client in its own',
    'process), each submission an observation sheet of 50 answers (a benchmark edition: the 2023 instrument with its',
    'observed service-standard variable widened to 50 indicators; the real 2023 observation sheet has 15), a fresh',
    `database, ${DEVICES} assessors with their own API tokens. Each level is bounded (count, ${MAX_SECONDS} s); a submission`,
    'counts when the server answered `stored`, i.e. after its transaction committed (sheet, version, event and its',
    'audit entry in the hash chain). "drained": after the level the stored sheets and the audit chain had grown by',
    'exactly the acknowledged count (there is no background work). Floor: the same sheet, version and event rows',
    'written by one INSERT statement in the same run. Target: ≥ 1,200 submissions/s at concurrency 32 with p99 < 50 ms.',
    '',
    '| backend | concurrency | per request | submissions | s | submissions/s | p50 ms | p99 ms | floor /s | ratio | drained | per transaction | server CPU ms/sub | db CPU ms/sub | load | note |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.backend} | ${r.concurrency} | ${r.batch} | ${r.submissions} | ${r.seconds.toFixed(2)} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.floorPerSecond.toFixed(0)} | ${(r.perSecond / r.floorPerSecond).toFixed(2)}× | ${r.drained ? 'yes' : 'NO'} | ${r.perTransaction.toFixed(1)} | ${r.serverCpuMs.toFixed(2)} | ${r.dbCpuMs.toFixed(2)} | ${r.load.toFixed(1)} | ${r.note} |`,
    ),
    '',
    '"per transaction": sheets stored per transaction by the group commit (docs/adr/0005-fieldwork-sync.md).',
    'CPU columns: the CPU time of the server process (HTTP, validation, the writer, and PGlite itself when embedded) and',
    "of this database's PostgreSQL backends (/proc), per stored submission; the load client runs in its own process and",
    'is not counted. "load" is the machine\'s 1-minute load average at the end of the level:',
    'on these 2 cores anything above 2 means other work was competing for the CPU during the measurement.',
    'PostgreSQL (unix socket): the same server reached through its socket instead of 127.0.0.1 (the HTTP side is',
    'loopback TCP in every row).',
    '',
    ...verdict(rows),
    '',
    ...capacity(rows),
  ];
}

/**
 * The target (≥ 1,200 sheets/s at concurrency 32 with p99 < 50 ms), checked for every
 * backend at 32 devices each posting one sheet per request. With ten per request, 320
 * sheets are in flight: by Little's law a request then waits at least 320 / rate on
 * average, so those rows tell throughput under batching, not the latency target.
 */
function verdict(rows: readonly SyncRow[]): string[] {
  return [
    'Against the target (concurrency 32, one sheet per request), in this run:',
    '',
    ...rows
      .filter((r) => r.concurrency === 32 && r.batch === 1)
      .map((r) => {
        const met = r.perSecond >= 1200 && r.p99 < 50;
        const why = [r.perSecond >= 1200 ? '' : 'throughput', r.p99 < 50 ? '' : 'p99'].filter(Boolean).join(' and ');
        return `- ${r.backend}: ${r.perSecond.toFixed(0)} sheets/s, p99 ${r.p99.toFixed(0)} ms — ${met ? 'met' : `not met (${why})`}.`;
      }),
    '',
    'Ten sheets per request at concurrency 32 keep 320 sheets in flight, so a request waits at least',
    "320 / rate on average (Little's law): those rows show what batching on the device adds to throughput;",
    'their latency is that of ten sheets at once and is not held to the 50 ms target.',
  ];
}

/**
 * Derived, not measured: at concurrency 32, one sheet per request, the server's and
 * the database's CPU per stored sheet, and what two otherwise idle cores would
 * sustain at that cost (the load client's own CPU left out).
 */
function capacity(rows: readonly SyncRow[]): string[] {
  const lines = rows
    .filter((r) => r.concurrency === 32 && r.batch === 1 && r.serverCpuMs + r.dbCpuMs > 0)
    .map((r) => {
      const ms = r.serverCpuMs + r.dbCpuMs;
      return `- ${r.backend}: ${ms.toFixed(2)} ms of CPU per sheet → at most ≈ ${Math.round(2000 / ms)} sheets/s on two idle cores.`;
    });
  if (lines.length === 0) return [];
  return ['Derived from the CPU columns (concurrency 32, one sheet per request), not measured:', '', ...lines];
}
