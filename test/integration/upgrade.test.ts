/**
 * The upgrade (issue 9, item 2): a database made by today's main (commit 028e51d, the
 * last before assessments) — its own code, migrations and setup, the 2022 demo, and
 * 2023/2024 published results — is opened by this version: migrations 0017 on, frozen
 * editions, re-stored results. The 2022–2024 results are identical to what 028e51d
 * computed, apart from the corrected C/D boundary (ADR 0010): a score from 54.00 to
 * 54.99 was D (merah) and is C (Kualitas Sedang, kuning).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseConfig, openDatabase } from '../../src/db/database.ts';
import { serviceContext } from '../../src/services/container.ts';
import { defaultCatalog } from '../../src/services/instrument-catalog.ts';
import { cycleResults } from '../../src/services/results/results.ts';
import { prepareDatabase } from '../../src/services/setup.ts';
import { projectNode } from '../helpers/cli.ts';
import { csvFile } from '../helpers/files.ts';
import { pgAdmin } from '../helpers/pg-admin.ts';

const BEFORE = '028e51d';
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'patuh-upgrade-'));
const pgUrl = process.env.PATUH_TEST_DATABASE_URL;
let database: DatabaseConfig;
let dbName: string | undefined;

const admin = (statement: string) => pgAdmin(pgUrl, statement);

let before: Record<string, Array<Record<string, unknown>>>;

beforeAll(async () => {
  if (pgUrl) {
    dbName = `patuh_upgrade_${process.pid}_${Date.now()}`;
    await admin(`create database ${dbName}`);
    const u = new URL(pgUrl);
    u.pathname = `/${dbName}`;
    database = { kind: 'postgres', url: u.toString() };
  } else database = { kind: 'pglite', dataDir: path.join(work, 'pglite') };
  // the code of 028e51d, beside today's node_modules
  const old = path.join(work, 'old');
  mkdirSync(old);
  const tar = execFileSync('git', ['archive', BEFORE, 'src', 'instruments', 'registry', 'package.json'], {
    cwd: root,
    maxBuffer: 256 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', old], { input: tar });
  symlinkSync(path.join(root, 'node_modules'), path.join(old, 'node_modules'));
  const seed = path.join(old, 'test/integration/upgrade/seed.ts');
  mkdirSync(path.dirname(seed), { recursive: true });
  copyFileSync(path.join(import.meta.dirname, 'upgrade/seed-at-028e51d.ts'), seed);
  const out = path.join(work, 'before.json');
  const args = {
    database,
    out,
    // scores on both sides of the corrected boundary, and one on each old edge
    csv2023: csvFile([
      ['entity', 'score'],
      ['Kota Bekasi', '83.18'],
      ['Kota Kendari', '54.11'],
      ['Kota Bogor', '53.99'],
      ['Kabupaten Bekasi', '55.00'],
    ]),
    csv2024: csvFile([
      ['entity', 'score'],
      ['Kota Bekasi', '54.00'],
      ['Kota Kendari', '54.99'],
      ['Kota Bogor', '60.00'],
    ]),
  };
  const r = spawnSync(projectNode, [seed, JSON.stringify(args)], {
    cwd: old,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent' },
    timeout: 300_000,
  });
  if (r.status !== 0) throw new Error(`the ${BEFORE} seed failed: ${r.stderr}`);
  before = JSON.parse(readFileSync(out, 'utf8'));
}, 360_000);

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  if (dbName) await admin(`drop database if exists ${dbName} with (force)`);
});

const C = {
  category: 'C',
  opinion: 'Kualitas Sedang',
  opinionText: { id: 'Kualitas Sedang', en: 'Medium Quality' },
  zone: 'kuning',
};

/** What 028e51d showed, with the one correction: 54.00–54.99 is C, not D. */
/**
 * `now` with only the fields `old` has, at every depth: a field added since (the 2025
 * method's parts, qualifier, award) is new, not a difference; every old one must match.
 */
function asBefore(now: unknown, old: unknown): unknown {
  if (Array.isArray(now) && Array.isArray(old)) return now.map((v, i) => asBefore(v, old[i]));
  if (now && old && typeof now === 'object' && typeof old === 'object' && !Array.isArray(old)) {
    const o = now as Record<string, unknown>;
    return Object.fromEntries(Object.keys(old).map((k) => [k, asBefore(o[k], (old as Record<string, unknown>)[k])]));
  }
  return now;
}

function corrected(value: unknown, changed: string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => corrected(v, changed));
  if (value === null || typeof value !== 'object') return value;
  const o = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, corrected(v, changed)]));
  if (o.category === 'D' && typeof o.score === 'number' && o.score >= 54 && o.score < 55) {
    changed.push(String((o.entity as { code?: string } | undefined)?.code ?? o.score));
    Object.assign(o, C);
  }
  return o;
}

describe(`a database made by ${BEFORE}`, () => {
  it('upgrades with identical 2022–2024 results apart from the corrected C/D boundary', async () => {
    const handle = await openDatabase(database);
    try {
      const setup = await prepareDatabase(handle.db, defaultCatalog());
      expect(setup.migrations).toContain('0017_assessments');
      const ctx = serviceContext(handle, setup.catalog);
      const changed: string[] = [];
      for (const year of ['2022', '2023', '2024']) {
        const now = (await cycleResults(ctx, Number(year))).results;
        const expected = corrected(before[year], changed);
        expect(asBefore(JSON.parse(JSON.stringify(now)), expected)).toEqual(expected);
      }
      // Kota Kendari 54.11 (2023); Kota Bekasi 54.00 and Kota Kendari 54.99 (2024)
      expect(changed).toEqual(expect.arrayContaining(['74.71', '32.75']));
      expect(changed.length).toBeGreaterThanOrEqual(3);
      // the old rows became assessments named by their year, their editions frozen
      const rows = await handle.db.selectFrom('cycles').select(['code', 'track']).orderBy('year').execute();
      expect(rows.map((r) => r.code)).toEqual(['2021', '2022', '2023', '2024']);
      const frozen = await handle.db.selectFrom('instrument_editions').select('code').orderBy('code').execute();
      expect(frozen.map((r) => r.code)).toEqual(['pemda-2022', 'pemda-2023']);
    } finally {
      await handle.close();
    }
  });
});
