/**
 * The `patuh` command as a person runs it, for the CLI tests, on a data folder of its
 * own (PGlite), or, when PATUH_TEST_DATABASE_URL is set, on a PostgreSQL database of
 * its own made in `setUp` and dropped in `tearDown` (passed to the CLI as DATABASE_URL).
 *
 * `patuh`, `patuhWith` and `patuhStdin` run the same program bin/patuh.js runs
 * (runCli), in this process: the environment, stdin, stdout, stderr and the exit code
 * are the command's own while it runs (one command at a time), and each command opens
 * and closes the database itself, as the process would. A process costs about 1.3 s
 * of module loading and proves nothing more for most commands. `patuhProcess` and
 * `start` run a real process, for what only a process shows (serve, signals, a second
 * process on a held folder, the launcher itself).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runCli } from '../../src/cli/program.ts';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { serve } from '../../src/http/serve.ts';
import { serviceContext } from '../../src/services/container.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { defaultCatalog } from '../../src/services/instrument-catalog.ts';
import { runInThisProcess } from './cli-in-process.ts';
import { pgAdmin } from './pg-admin.ts';

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
  /** runs `patuh ARGS…` (in this process) and waits for it */
  patuh(...args: string[]): Promise<CliRun>;
  /** the same with more environment variables */
  patuhWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun>;
  /** the same with `input` on stdin (e.g. a password for --password-stdin) */
  patuhStdin(input: string, ...args: string[]): Promise<CliRun>;
  /** runs `bin/patuh.js ARGS…` as a process of its own (more environment, stdin) and waits for it */
  patuhProcess(opts: { env?: NodeJS.ProcessEnv; input?: string }, ...args: string[]): CliRun;
  /** starts `patuh ARGS…` without waiting (e.g. serve); stdout and stderr are pipes */
  start(env: NodeJS.ProcessEnv, ...args: string[]): ChildProcess;
  /** the CLI's database opened in this process between runs (PGlite has one user at a time), and a context on it */
  withDatabase<T>(body: (db: Database, ctx: ServiceContext) => Promise<T>): Promise<T>;
}

/** `name` tells the folder and the database apart (letters and underscores). */
export function cliWorkspace(name: string): CliWorkspace {
  const dataDir = mkdtempSync(path.join(tmpdir(), `patuh-${name}-`));
  const pgUrl = process.env.PATUH_TEST_DATABASE_URL;
  let dbName: string | undefined;
  let databaseUrl: string | undefined;

  const admin = (statement: string) => pgAdmin(pgUrl, statement);

  const envWith = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = { ...process.env, PATUH_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    return Object.assign(env, extra);
  };
  const inProcess = (extra: NodeJS.ProcessEnv, args: string[], input?: string): Promise<CliRun> =>
    runInThisProcess({ env: envWith(extra), input, cwd: root }, () =>
      runCli([projectNode, path.join(root, 'bin/patuh.js'), ...args], { serve }),
    );
  const run = (extra: NodeJS.ProcessEnv, args: string[], input?: string): CliRun => {
    const r = spawnSync(projectNode, [path.join(root, 'bin/patuh.js'), ...args], {
      env: envWith(extra),
      encoding: 'utf8',
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
    patuh: (...args) => inProcess({}, args),
    patuhWith: (extra, ...args) => inProcess(extra, args),
    patuhStdin: (input, ...args) => inProcess({}, args, input),
    patuhProcess: (opts, ...args) => run(opts.env ?? {}, args, opts.input),
    start: (extra, ...args) =>
      spawn(projectNode, [path.join(root, 'bin/patuh.js'), ...args], { env: envWith(extra), cwd: root }),
    async withDatabase(body) {
      const handle = await openDatabase(
        databaseUrl
          ? { kind: 'postgres', url: databaseUrl }
          : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
      );
      try {
        return await body(handle.db, serviceContext(handle, defaultCatalog()));
      } finally {
        await handle.close();
      }
    },
  };
}
