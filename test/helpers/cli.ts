/**
 * The `patuh` command as a person runs it, for the CLI tests: real processes on a
 * data folder of their own (PGlite), or, when PATUH_TEST_DATABASE_URL is set, on a
 * PostgreSQL database of their own made in `setUp` and dropped in `tearDown` (passed
 * to the CLI as DATABASE_URL).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/database.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** Node 24 from the devDependency: the CLI runs TypeScript directly */
export const projectNode = path.join(root, 'node_modules/.bin/node');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliWorkspace {
  /** the data folder (PATUH_DATA_DIR) */
  readonly dataDir: string;
  /** creates the PostgreSQL database when one is wanted (call in beforeAll) */
  setUp(): Promise<void>;
  /** drops it (call in afterAll) */
  tearDown(): Promise<void>;
  /** runs `patuh ARGS…` and waits for it */
  patuh(...args: string[]): CliRun;
  /** the same with more environment variables */
  patuhWith(env: NodeJS.ProcessEnv, ...args: string[]): CliRun;
  /** the same with `input` on stdin (e.g. a password for --password-stdin) */
  patuhStdin(input: string, ...args: string[]): CliRun;
  /** starts `patuh ARGS…` without waiting (e.g. serve); stdout and stderr are pipes */
  start(env: NodeJS.ProcessEnv, ...args: string[]): ChildProcess;
  /** the CLI's database opened in this process between runs (PGlite has one user at a time) */
  withDatabase<T>(body: (db: Database) => Promise<T>): Promise<T>;
}

/** `name` tells the folder and the database apart (letters and underscores). */
export function cliWorkspace(name: string): CliWorkspace {
  const dataDir = mkdtempSync(path.join(tmpdir(), `patuh-${name}-`));
  const pgUrl = process.env.PATUH_TEST_DATABASE_URL;
  let dbName: string | undefined;
  let databaseUrl: string | undefined;

  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };

  const envWith = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = { ...process.env, PATUH_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    return Object.assign(env, extra);
  };
  const run = (extra: NodeJS.ProcessEnv, args: string[], input?: string): CliRun => {
    const r = spawnSync(projectNode, [path.join(root, 'bin/patuh.js'), ...args], {
      env: envWith(extra),
      encoding: 'utf8',
      ...(input === undefined ? {} : { input }),
      cwd: root,
      ...(input === undefined ? {} : { input }),
      timeout: 120_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  return {
    dataDir,
    async setUp() {
      if (!pgUrl || dbName) return;
      dbName = `patuh_${name}_${process.pid}_${Date.now()}`;
      await admin(`create database ${dbName}`);
      const u = new URL(pgUrl);
      u.pathname = `/${dbName}`;
      databaseUrl = u.toString();
    },
    async tearDown() {
      if (!pgUrl || !dbName) return;
      await admin(`drop database if exists ${dbName} with (force)`);
      dbName = undefined;
    },
    patuh: (...args) => run({}, args),
    patuhWith: (extra, ...args) => run(extra, args),
    patuhStdin: (input, ...args) => run({}, args, input),
    start: (extra, ...args) =>
      spawn(projectNode, [path.join(root, 'bin/patuh.js'), ...args], { env: envWith(extra), cwd: root }),
    async withDatabase(body) {
      const handle = await openDatabase(
        databaseUrl
          ? { kind: 'postgres', url: databaseUrl }
          : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
      );
      try {
        return await body(handle.db);
      } finally {
        await handle.close();
      }
    },
  };
}
