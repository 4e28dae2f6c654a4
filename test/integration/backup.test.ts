/**
 * patuh backup / restore (docs/backup.md): the demo, users, evidence in the file
 * store and their audit entries are backed up, restored into a fresh database with
 * its evidence in S3 (s3rver), and read back: results and exports byte-identical,
 * every evidence file served with its bytes, the audit chain intact, new inserts
 * working. A non-empty target and a damaged backup are refused before anything is
 * written. On PostgreSQL the backup also goes into PGlite and back (cross-kind).
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, migrateTo, openDatabase } from '../../src/db/database.ts';
import { AppError } from '../../src/errors.ts';
import { buildServer } from '../../src/http/server.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-chain.ts';
import { createUser } from '../../src/services/auth/create-user.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { createBackup } from '../../src/services/backup/create-backup.ts';
import { type Manifest, manifestSchema } from '../../src/services/backup/manifest.ts';
import { checkTargetEmpty, restoreBackup } from '../../src/services/backup/restore-backup.ts';
import { serviceContext } from '../../src/services/container.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { type BlobStore, FileBlobStore } from '../../src/services/evidence/blob-store.ts';
import { S3BlobStore } from '../../src/services/evidence/s3-store.ts';
import { exportAnswers } from '../../src/services/exports/answers-export.ts';
import { exportResults } from '../../src/services/exports/results-export.ts';
import { defaultCatalog } from '../../src/services/instrument-catalog.ts';
import { cycleResults } from '../../src/services/results/results.ts';
import { prepareDatabase } from '../../src/services/setup.ts';
import { buildWorld, json, PASSWORD, send, signIn, type World } from '../helpers/api.ts';
import { cliWorkspace } from '../helpers/cli.ts';
import { createTestContext, type TestContext, testDatabaseKind } from '../helpers/db.ts';
import { evidenceForm, jpeg, pdf, png } from '../helpers/evidence.ts';
import { type RunningS3, startS3rver } from '../helpers/s3rver.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'patuh-backup-'));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const files = [jpeg('site photo'), png('notice board'), pdf('service standard', 3000)];

let w: World;
let s3: RunningS3;
let folder: string;
let before: Snapshot;

interface Snapshot {
  results: string;
  exports: Record<string, Buffer>;
  auditEntries: number;
}

/** The results as JSON and the open-data exports as bytes: what must survive unchanged. */
async function snapshot(ctx: ServiceContext, name: string): Promise<Snapshot> {
  const dir = mkdtempSync(path.join(tmp, `${name}-`));
  const exports: Record<string, Buffer> = {};
  for (const level of ['entity', 'unit'] as const) {
    const f = path.join(dir, `${level}.json`);
    await exportResults(ctx, 2022, f, { format: 'json', level });
    exports[`${level}.json`] = readFileSync(f);
  }
  const answers = path.join(dir, 'answers.csv');
  await exportAnswers(ctx, 2022, answers);
  exports['answers.csv'] = readFileSync(answers);
  const audit = await verifyAuditChain(ctx.db);
  expect(audit.intact).toBe(true);
  return { results: JSON.stringify(await cycleResults(ctx, 2022)), exports, auditEntries: audit.entries };
}

/** A server on a restored database: signs in again and fetches every evidence file. */
async function servedBytes(ctx: ServiceContext, store: BlobStore): Promise<Buffer[]> {
  const app: FastifyInstance = await buildServer(ctx, {
    logLevel: 'silent',
    webDist: null,
    evidence: { store, limitBytes: 1 << 20 },
  });
  try {
    const admin = await signIn(app, w.users.admin.email, PASSWORD);
    const out: Buffer[] = [];
    for (const f of files) {
      const res = await send(app, admin, { method: 'GET', url: `/api/v1/evidence/${sha(f)}` });
      expect(res.statusCode).toBe(200);
      out.push(res.rawPayload);
    }
    return out;
  } finally {
    await app.close();
  }
}

const expectRefused = async (p: Promise<unknown>, code: string, message: RegExp) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  expect((e as AppError).exitCode).toBe(2);
  expect((e as AppError).message).toMatch(message);
};

beforeAll(async () => {
  s3 = await startS3rver();
  w = await buildWorld({ evidence: { store: new FileBlobStore(path.join(tmp, 'source')), limitBytes: 1 << 20 } });
  const unit = await w.t.ctx.db.selectFrom('units').select('id').orderBy('id').executeTakeFirstOrThrow();
  for (const f of files) {
    const form = evidenceForm(f, { fields: { subject: `unit:${unit.id}` } });
    const res = await send(w.app, w.auth.admin, {
      method: 'POST',
      url: '/api/v1/evidence',
      body: form.body,
      headers: form.headers,
    });
    expect(json(res).data.sha256).toBe(sha(f));
  }
  before = await snapshot(w.t.ctx, 'before');
  folder = path.join(tmp, 'nightly');
  const report = await createBackup(
    { db: w.t.ctx.db, kind: w.t.kind, store: new FileBlobStore(path.join(tmp, 'source')) },
    folder,
  );
  expect(report.evidenceFiles).toBe(files.length);
}, 120_000);
afterAll(async () => {
  await w?.close();
  await s3?.close();
});

describe('a backup', () => {
  it('holds a manifest with the format, version, migrations, and counts and sha256 of every part', async () => {
    const m: Manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')));
    expect(m).toMatchObject({ format: 'patuh-backup', formatVersion: 1, database: w.t.kind });
    expect(m.migrations).toContain('0001_core');
    const users = m.tables.find((t) => t.name === 'users');
    expect(users?.rows).toBe(5);
    const text = readFileSync(path.join(folder, 'db/users.jsonl'));
    expect(users?.sha256).toBe(sha(text));
    // referenced tables load first
    const order = m.tables.map((t) => t.name);
    expect(order.indexOf('entities')).toBeLessThan(order.indexOf('units'));
    expect(order.indexOf('evidence')).toBeLessThan(order.indexOf('evidence_links'));
    expect(m.evidence).toMatchObject({ files: 3, bytes: files.reduce((s, f) => s + f.length, 0) });
    for (const f of files) {
      const h = sha(f);
      expect(readFileSync(path.join(folder, 'evidence', h.slice(0, 2), h.slice(2, 4), h)).equals(f)).toBe(true);
    }
  });

  it('is refused for a database that Patuh never set up (a mistyped data folder), leaving no folder', async () => {
    const blank = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      const dir = path.join(tmp, 'of-nothing');
      await expectRefused(
        createBackup({ db: blank.db, kind: 'pglite', store: new FileBlobStore(path.join(tmp, 'none')) }, dir),
        'VALIDATION_FAILED',
        /no Patuh tables: check PATUH_DATA_DIR/,
      );
      expect(readdirSync(tmp).filter((n) => n.startsWith('of-nothing'))).toEqual([]);
    } finally {
      await blank.close();
    }
  });

  it('is never written over an existing backup', async () => {
    await expectRefused(
      createBackup({ db: w.t.ctx.db, kind: w.t.kind, store: new FileBlobStore(path.join(tmp, 'source')) }, folder),
      'CONFLICT',
      /not empty/,
    );
  });
});

describe('a restore into a fresh installation, evidence into S3', () => {
  let target: TestContext;
  let store: S3BlobStore;

  beforeAll(async () => {
    target = await createTestContext(); // migrated and seeded by setup, as `patuh serve` leaves it
    await s3.createBucket('restored');
    store = new S3BlobStore(s3.configFor('restored'));
    await restoreBackup({ db: target.ctx.db, store }, folder);
  }, 120_000);
  afterAll(async () => target?.close());

  it('gives byte-identical results and exports', async () => {
    const after = await snapshot(target.ctx, 'after');
    expect(after.results).toBe(before.results);
    for (const [name, bytes] of Object.entries(before.exports)) expect(after.exports[name]?.equals(bytes)).toBe(true);
  });

  it('serves every evidence file with its bytes', async () => {
    const served = await servedBytes(target.ctx, store);
    expect(served.map((b, i) => b.equals(files[i] as Buffer))).toEqual(files.map(() => true));
  });

  it('keeps the audit chain intact, with the restore as its last entry', async () => {
    const r = await verifyAuditChain(target.ctx.db);
    expect(r).toMatchObject({ intact: true, entries: before.auditEntries + 1 });
    const last = await target.ctx.db
      .selectFrom('audit_entries')
      .select(['action', 'actor'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ action: 'backup.restore', actor: 'cli' });
  });

  it('continues the sequences: a new user gets a new id', async () => {
    const max = await target.ctx.db
      .selectFrom('users')
      .select((e) => e.fn.max('id').as('id'))
      .executeTakeFirst();
    const u = await createUser(target.ctx, SYSTEM, { email: 'new@test.id', role: 'central', password: PASSWORD });
    expect(u.id).toBeGreaterThan(Number(max?.id));
    expect((await verifyAuditChain(target.ctx.db)).intact).toBe(true);
  });

  it('refuses a second restore into it, and a restore into the source (TARGET_NOT_EMPTY, exit 2)', async () => {
    await expectRefused(restoreBackup({ db: target.ctx.db, store }, folder), 'TARGET_NOT_EMPTY', /already holds data/);
    await expectRefused(
      restoreBackup({ db: w.t.ctx.db, store: new FileBlobStore(path.join(tmp, 'source')) }, folder),
      'TARGET_NOT_EMPTY',
      /users \(5\)/,
    );
  });
});

describe('a damaged backup', () => {
  it('is refused before anything is written: the target stays empty', async () => {
    const damaged = path.join(tmp, 'damaged');
    cpSync(folder, damaged, { recursive: true });
    const h = sha(files[0] as Buffer);
    const evidence = path.join(damaged, 'evidence', h.slice(0, 2), h.slice(2, 4), h);
    const bytes = readFileSync(evidence);
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 0xff;
    writeFileSync(evidence, bytes);
    const target = await createTestContext();
    try {
      const store = new FileBlobStore(path.join(tmp, 'damaged-store'));
      await expectRefused(restoreBackup({ db: target.ctx.db, store }, damaged), 'VALIDATION_FAILED', /damaged/);
      await checkTargetEmpty(target.ctx.db); // throws if anything was loaded
      expect(await store.has(h)).toBe(false);
    } finally {
      await target.close();
    }
  });
});

describe('a backup from an older Patuh', () => {
  it('restores at its own migrations, then the newer ones run and setup stores the same results', async () => {
    // the backup as Patuh made it at migration 0008, before 0016 and the hardening ones:
    // only the tables that existed then (rows keep later columns, which a restore ignores)
    const OLDER = '0008_entity_lifespan';
    const probe = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrateTo(probe.db, OLDER);
    const olderTables = new Set((await probe.db.introspection.getTables()).map((t) => t.name));
    const olderSequences = await sql<{ name: string }>`
      select sequencename as name from pg_sequences where schemaname = 'public'`.execute(probe.db);
    await probe.close();
    const seqs = new Set(olderSequences.rows.map((r) => r.name));
    const older = path.join(tmp, 'older');
    cpSync(folder, older, { recursive: true });
    const file = path.join(older, 'manifest.json');
    const m = manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    writeFileSync(
      file,
      JSON.stringify({
        ...m,
        migrations: m.migrations.filter((n) => n <= OLDER),
        tables: m.tables.filter((t) => olderTables.has(t.name)),
        sequences: m.sequences.filter((q) => seqs.has(q.name)),
      }),
    );
    const fresh = await openDatabase({ kind: 'pglite', dataDir: null }); // no tables at all
    try {
      const r = await restoreBackup({ db: fresh.db, store: new FileBlobStore(path.join(tmp, 'older-store')) }, older);
      expect(r.migrated).toContain('0016_stored_results');
      const ctx = serviceContext(fresh, defaultCatalog());
      await prepareDatabase(ctx.db, ctx.catalog); // what the next `patuh serve` does
      const after = await snapshot(ctx, 'older');
      expect(after.results).toBe(before.results);
      for (const [name, bytes] of Object.entries(before.exports)) expect(after.exports[name]?.equals(bytes)).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});

// PostgreSQL only: PGlite has one connection, which the backup's transaction holds.
describe.runIf(testDatabaseKind() === 'postgres')('a backup beside a running server', () => {
  it('does not block a write made while it reads, and does not see it: one snapshot', async () => {
    const during = path.join(tmp, 'during');
    let written = 0;
    await createBackup(
      {
        db: w.t.ctx.db,
        kind: w.t.kind,
        store: new FileBlobStore(path.join(tmp, 'source')),
        onSnapshot: async () => {
          // another pool connection: completes while the snapshot is open
          written = (await createUser(w.t.ctx, SYSTEM, { email: 'late@test.id', role: 'central', password: PASSWORD }))
            .id;
        },
      },
      during,
    );
    expect(written).toBeGreaterThan(0);
    const m = manifestSchema.parse(JSON.parse(readFileSync(path.join(during, 'manifest.json'), 'utf8')));
    expect(m.tables.find((t) => t.name === 'users')?.rows).toBe(5);
    expect(readFileSync(path.join(during, 'db/users.jsonl'), 'utf8')).not.toMatch(/late@test\.id/);
    // the user's audit entry is not in it either: the chain in the backup ends where its head says
    const head = JSON.parse(readFileSync(path.join(during, 'db/audit_chain_head.jsonl'), 'utf8')) as { seq: number };
    expect(m.tables.find((t) => t.name === 'audit_entries')?.rows).toBe(head.seq);
    expect(head.seq).toBe(before.auditEntries);
  });
});

// On PostgreSQL: into PGlite (a database with no tables yet) and from there back into PostgreSQL.
describe.runIf(testDatabaseKind() === 'postgres')('across kinds', () => {
  let lite: DatabaseHandle;
  beforeAll(async () => {
    lite = await openDatabase({ kind: 'pglite', dataDir: null });
  });
  afterAll(async () => lite?.close());

  it('PostgreSQL → PGlite → PostgreSQL gives byte-identical results, exports and evidence', async () => {
    const liteStore = new FileBlobStore(path.join(tmp, 'lite-store'));
    await restoreBackup({ db: lite.db, store: liteStore }, folder);
    const liteCtx = serviceContext(lite, defaultCatalog());
    const onLite = await snapshot(liteCtx, 'lite');
    expect(onLite.results).toBe(before.results);
    for (const [name, bytes] of Object.entries(before.exports)) expect(onLite.exports[name]?.equals(bytes)).toBe(true);

    const fromLite = path.join(tmp, 'from-lite');
    await createBackup({ db: lite.db, kind: 'pglite', store: liteStore }, fromLite);
    const back = await createTestContext();
    try {
      const backStore = new FileBlobStore(path.join(tmp, 'back-store'));
      await restoreBackup({ db: back.ctx.db, store: backStore }, fromLite);
      const onBack = await snapshot(back.ctx, 'back');
      expect(onBack.results).toBe(before.results);
      for (const [name, bytes] of Object.entries(before.exports)) {
        expect(onBack.exports[name]?.equals(bytes)).toBe(true);
      }
      expect(onBack.auditEntries).toBe(before.auditEntries + 2); // one restore entry per restore
      const served = await servedBytes(back.ctx, backStore);
      expect(served.map((b, i) => b.equals(files[i] as Buffer))).toEqual(files.map(() => true));
    } finally {
      await back.close();
    }
  }, 120_000);
});

describe('patuh backup and patuh restore', () => {
  const from = cliWorkspace('backup_from');
  const into = cliWorkspace('backup_into');
  beforeAll(async () => {
    await from.setUp();
    await into.setUp();
  });
  afterAll(async () => {
    await from.tearDown();
    await into.tearDown();
  });

  it('back up into a .tar, restore it into an empty data folder, refuse a second restore with exit 2', async () => {
    expect((await from.patuh('migrate')).code).toBe(0);
    await from.withDatabase((_db, ctx) =>
      createUser(ctx, SYSTEM, {
        email: 'kepala@test.id',
        role: 'central',
        password: PASSWORD,
      }),
    );
    const dir = path.join(tmp, 'cli-backup.tar'); // one file (the service tests use a folder)
    const backup = await from.patuh('backup', dir);
    expect(backup.stdout).toMatch(/backup written to/);
    expect(backup.code).toBe(0);
    expect((await from.patuh('restore', '--check', dir)).code).toBe(0);

    const restore = await into.patuh('restore', dir);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const users = await into.withDatabase((db) => db.selectFrom('users').select('email').execute());
    expect(users).toEqual([{ email: 'kepala@test.id' }]);
    expect((await into.patuh('audit', 'verify')).code).toBe(0);

    const again = await into.patuh('restore', '--json', dir);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout).error.code).toBe('TARGET_NOT_EMPTY');
    expect(again.stderr).toMatch(/restore into a new, empty database/);

    const notABackup = await into.patuh('restore', '--check', from.dataDir);
    expect(notABackup.code).toBe(2);
    expect(notABackup.stderr).toMatch(/is not a Patuh backup/);
  }, 240_000);
});
