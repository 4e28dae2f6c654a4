/**
 * Hostile input at volume (issue 12, finding 6): the fuzzer of the integration suite
 * (test/helpers/fuzz.ts) with 20,000 requests over every route of /api/openapi.json,
 * as an admin, an assessor and the public, on PGlite and, when reachable, on PostgreSQL.
 * Reports the answers by status and every 5xx (the target is none). Alone:
 * `npm run bench -- --fuzz` (replaces only its section of docs/benchmarks.md).
 */
import os from 'node:os';
import pg from 'pg';
import { buildWorld, signIn } from '../test/helpers/api.ts';
import { type FuzzFinding, fuzzApi } from '../test/helpers/fuzz.ts';

export const FUZZ_REQUESTS = 20_000;
const SEED = 20261207;

export interface FuzzRow {
  backend: string;
  sent: number;
  statuses: Record<number, number>;
  fiveXX: FuzzFinding[];
  seconds: number;
  load: number;
}

async function fuzzOne(backend: string): Promise<FuzzRow> {
  const w = await buildWorld();
  try {
    const callers = { admin: w.auth.admin, assessor: w.auth.assessor, anonymous: null };
    const doc = (await w.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: object };
    const operations = Object.values(doc.paths).reduce((n, m) => n + Object.keys(m as object).length, 0);
    // the signed-in callers skip the two sign-out routes
    const perOperation = Math.ceil(FUZZ_REQUESTS / (operations * 3 - 4));
    const t0 = performance.now();
    const out = await fuzzApi(w.app, callers, {
      seed: SEED,
      perOperation,
      resignIn: async (who) => {
        const email = w.users[who as 'admin' | 'assessor'].email;
        await w.t.ctx.db.updateTable('users').set({ active: true }).where('email', '=', email).execute();
        return signIn(w.app, email);
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    process.stderr.write(
      `[fuzz ${backend}] ${out.sent} requests, ${out.fiveXX.length} × 5xx, ${seconds.toFixed(1)} s\n`,
    );
    return { backend, ...out, seconds, load: os.loadavg()[0] ?? 0 };
  } finally {
    await w.close();
  }
}

/** PGlite, then PostgreSQL when it answers (the test helpers pick it by PATUH_TEST_DATABASE_URL). */
export async function benchFuzzBackends(): Promise<FuzzRow[]> {
  const saved = process.env.PATUH_TEST_DATABASE_URL;
  const rows: FuzzRow[] = [];
  try {
    delete process.env.PATUH_TEST_DATABASE_URL;
    rows.push(await fuzzOne('PGlite'));
    const url = saved ?? process.env.PATUH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await c.connect();
      await c.end();
    } catch (e) {
      process.stderr.write(`PostgreSQL not reachable (${(e as Error).message}); fuzzing PGlite only\n`);
      return rows;
    }
    process.env.PATUH_TEST_DATABASE_URL = url;
    rows.push(await fuzzOne('PostgreSQL'));
  } finally {
    if (saved === undefined) delete process.env.PATUH_TEST_DATABASE_URL;
    else process.env.PATUH_TEST_DATABASE_URL = saved;
  }
  return rows;
}

export function fuzzSection(rows: readonly FuzzRow[]): string[] {
  const byClass = (r: FuzzRow, lo: number) =>
    Object.entries(r.statuses)
      .filter(([s]) => Number(s) >= lo && Number(s) < lo + 100)
      .reduce((n, [, c]) => n + c, 0);
  return [
    '## Hostile input (issue 12)',
    '',
    `${FUZZ_REQUESTS.toLocaleString('en')} requests drawn from a fixed seed (${SEED}) over every route of /api/openapi.json, as an`,
    'admin, an assessor and the public: NUL bytes, lone surrogates, integers above int4, negative numbers, impossible dates, long',
    'strings, wrong types, malformed JSON and multipart, odd path characters (test/helpers/fuzz.ts; the integration suite',
    'sends 2,000+ of the same kind on both databases). Target: 0 × 5xx. "load" is the 1-minute load average at the end.',
    '',
    '| backend | requests | 2xx/3xx | 4xx | 5xx | s | requests/s | load |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.backend} | ${r.sent} | ${byClass(r, 200) + byClass(r, 300)} | ${byClass(r, 400)} | ${r.fiveXX.length} | ${r.seconds.toFixed(1)} | ${(r.sent / r.seconds).toFixed(0)} | ${r.load.toFixed(2)} |`,
    ),
    ...rows.flatMap((r) =>
      r.fiveXX
        .slice(0, 20)
        .map((f) => `- ${r.backend} 5xx: ${f.who} ${f.method} \`${f.url.slice(0, 120)}\` → ${f.status}`),
    ),
  ];
}
