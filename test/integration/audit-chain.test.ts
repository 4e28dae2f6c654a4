/**
 * The hash-chained audit trail (docs/audit.md) on PGlite and PostgreSQL: concurrent
 * appends give one gapless, intact chain; an entry edited or deleted by someone
 * who bypasses the triggers is named by `verify`; existing entries are chained by
 * the migration; `patuh audit verify` exits 0 / 1.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, migrateToLatest, openDatabase } from '../../src/db/database.ts';
import * as m0001 from '../../src/db/migrations/0001_core.ts';
import * as m0002 from '../../src/db/migrations/0002_accounts.ts';
import * as m0003 from '../../src/db/migrations/0003_sampling.ts';
import { type AuditInput, appendAudit, appendAuditMany, listAudit } from '../../src/db/repos/audit.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-chain.ts';
import { cliWorkspace } from '../helpers/cli.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';

/** As someone with the database in hand would: triggers off, change, triggers on. */
async function tamper(db: Database, change: RawBuilder<unknown>): Promise<void> {
  await sql`alter table audit_entries disable trigger all`.execute(db);
  try {
    await change.execute(db);
  } finally {
    await sql`alter table audit_entries enable trigger all`.execute(db);
  }
}

const seqs = async (db: Database) => (await listAudit(db, { limit: 100_000 })).map((e) => e.seq).reverse();
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Values whose jsonb read-back differs from the text sent: key order, escapes, numbers, dates. */
const awkward = (i: number): AuditInput => ({
  actor: i % 2 ? `user:${i}` : 'cli',
  action: 'test.awkward',
  subject: `submission:${i}`,
  before:
    i % 3
      ? undefined
      : { zeta: 1, alpha: [1.0, 0.1, 1e21, 1e-7, -0], ключ: 'é\u00e9\t"q"', nested: { b: null, a: true } },
  after: {
    when: new Date(Date.UTC(2025, 0, 1, 0, 0, 0, i)),
    n: i,
    emoji: '😀',
    long: 'x'.repeat(i),
    dropped: undefined,
  },
});

describe('audit chain', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => t?.close());

  it('numbers concurrent appends gaplessly in one intact chain; a rolled-back append leaves no gap', async () => {
    const { db } = t.ctx;
    const before = (await seqs(db)).length;
    const outcomes = await Promise.allSettled(
      range(50).map((i) =>
        db.transaction().execute(async (tx) => {
          await sql`select pg_sleep(${(i % 5) / 1000})`.execute(tx);
          await appendAudit(tx, { actor: `user:${i}`, action: 'test.parallel', subject: `unit:${i}`, after: { i } });
          if (i % 10 === 0) throw new Error('rolled back'); // 5 of 50
          await sql`select pg_sleep(${(i % 3) / 1000})`.execute(tx); // hold the chain lock a little
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(5);
    expect(await seqs(db)).toEqual(range(before + 45));
    const report = await verifyAuditChain(db, { pageSize: 7 });
    expect(report).toMatchObject({ intact: true, entries: before + 45, problem: null });
    expect(report.head?.seq).toBe(before + 45);
  });

  it('appends a batch in order in one statement, and hashes what jsonb gives back', async () => {
    const { db } = t.ctx;
    const head = (await verifyAuditChain(db)).entries;
    const batches = await Promise.all(
      [0, 1, 2].map((b) =>
        db.transaction().execute((tx) =>
          appendAuditMany(
            tx,
            range(40).map((i) => awkward(b * 100 + i)),
          ),
        ),
      ),
    );
    const firsts = batches.map((r) => r?.firstSeq ?? 0).sort((a, b) => a - b);
    expect(firsts).toEqual([head + 1, head + 41, head + 81]);
    for (const r of batches) expect((r?.lastSeq ?? 0) - (r?.firstSeq ?? 0)).toBe(39);
    expect(await appendAuditMany(db, [])).toBeNull();
    const last = (await listAudit(db, { limit: 1 }))[0];
    expect(last?.after).toMatchObject({ when: expect.stringMatching(/^2025-01-01T00:00:00\.\d{3}Z$/), emoji: '😀' });
    expect(await verifyAuditChain(db, { pageSize: 50 })).toMatchObject({ intact: true, entries: head + 120 });
  });

  it('names an entry whose `after` was edited by hand (hash mismatch), and is intact again once it is restored', async () => {
    const { db } = t.ctx;
    const victim = (await listAudit(db, { limit: 100_000 })).find((e) => e.seq === 20);
    expect(victim).toBeDefined();
    await tamper(db, sql`update audit_entries set after = '{"i": 999}'::jsonb where seq = 20`);
    const r = await verifyAuditChain(db, { pageSize: 7 });
    expect(r).toMatchObject({
      intact: false,
      entries: 19,
      problem: { kind: 'hash-mismatch', seq: 20, id: victim?.id },
    });
    expect(r.problem?.message).toMatch(/seq 20 .* was changed/);
    await tamper(db, sql`update audit_entries set after = ${JSON.stringify(victim?.after)}::jsonb where seq = 20`);
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });

  it('names an entry rewritten with a fresh hash by the broken link after it', async () => {
    const { db } = t.ctx;
    const victim = (await listAudit(db, { limit: 100_000 })).find((e) => e.seq === 30);
    await tamper(db, sql`update audit_entries set hash = repeat('a', 64) where seq = 30`);
    const r = await verifyAuditChain(db);
    // the stored hash no longer matches the fields: seq 30 is named first
    expect(r.problem).toMatchObject({ kind: 'hash-mismatch', seq: 30 });
    await tamper(db, sql`update audit_entries set hash = ${victim?.hash} where seq = 30`);
    await tamper(db, sql`update audit_entries set prev_hash = repeat('b', 64) where seq = 31`);
    expect((await verifyAuditChain(db)).problem).toMatchObject({ kind: 'prev-hash-mismatch', seq: 31 });
    await tamper(db, sql`update audit_entries set prev_hash = ${victim?.hash} where seq = 31`);
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });

  it('checks an anchor recorded outside the database', async () => {
    const { db } = t.ctx;
    const { head } = await verifyAuditChain(db);
    if (!head) throw new Error('no head');
    expect((await verifyAuditChain(db, { anchor: head })).intact).toBe(true);
    expect((await verifyAuditChain(db, { anchor: { seq: head.seq, hash: 'f'.repeat(64) } })).problem).toMatchObject({
      kind: 'anchor-mismatch',
      seq: head.seq,
    });
    expect((await verifyAuditChain(db, { anchor: { seq: head.seq + 5, hash: head.hash } })).problem?.kind).toBe(
      'anchor-mismatch',
    );
  });

  it('names a deleted entry by the gap it leaves, in the middle and at the end', async () => {
    const { db } = t.ctx;
    /** Deletes the entry, checks what verify says, and puts the same row back. */
    const deleted = async (seq: number) => {
      const row = await db.selectFrom('audit_entries').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
      await tamper(db, sql`delete from audit_entries where seq = ${seq}`);
      const report = await verifyAuditChain(db, { pageSize: 5 });
      await sql`insert into audit_entries (id, seq, at, actor, action, subject, before, after, prev_hash, hash)
        values (${row.id}, ${row.seq}, ${row.at}, ${row.actor}, ${row.action}, ${row.subject},
                ${row.before === null ? null : JSON.stringify(row.before)}::jsonb,
                ${row.after === null ? null : JSON.stringify(row.after)}::jsonb, ${row.prev_hash}, ${row.hash})`.execute(
        db,
      );
      return report;
    };
    const middle = await deleted(12);
    expect(middle).toMatchObject({ intact: false, entries: 11, problem: { kind: 'missing-entry', seq: 12, id: null } });
    expect(middle.problem?.message).toMatch(/seq 12 is missing .*after seq 11 comes seq 13/);
    const n = (await verifyAuditChain(db)).entries;
    const end = await deleted(n);
    expect(end).toMatchObject({ intact: false, entries: n - 1, problem: { kind: 'missing-entry', seq: n } });
    expect(end.problem?.message).toMatch(new RegExp(`entries seq ${n} to ${n} are missing`));
    expect((await verifyAuditChain(db)).intact).toBe(true); // the rows put back exactly
  });
});

describe('migration 0005', () => {
  it('chains the entries written before it, in id order, at millisecond precision', async () => {
    // a fresh, empty database of the kind under test
    const pgContext = process.env.PATUH_TEST_DATABASE_URL ? await createTestContext() : null;
    const handle = pgContext ? null : await openDatabase({ kind: 'pglite', dataDir: null });
    const db = (pgContext?.ctx.db ?? handle?.db) as Database;
    try {
      if (pgContext) {
        await sql`drop schema public cascade`.execute(db);
        await sql`create schema public`.execute(db);
      }
      const early: Record<string, Migration> = { '0001_core': m0001, '0002_accounts': m0002, '0003_sampling': m0003 };
      const migrator = new Migrator({ db: db as Kysely<unknown>, provider: { getMigrations: async () => early } });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      for (const i of range(30)) {
        await sql`insert into audit_entries (at, actor, action, subject, before, after)
          values (now() - ${`${30 - i} minutes`}::interval + interval '0.000123 seconds', 'cli', 'old.entry', ${`unit:${i}`},
                  null, ${JSON.stringify({ b: i, a: [i, 'é'] })}::jsonb)`.execute(db);
      }
      await migrateToLatest(db);
      const r = await verifyAuditChain(db, { pageSize: 8 });
      expect(r).toMatchObject({ intact: true, entries: 30 });
      const rows = await listAudit(db, { limit: 100 });
      expect(rows.map((e) => e.subject).reverse()).toEqual(range(30).map((i) => `unit:${i}`));
      await appendAudit(db, { actor: 'cli', action: 'new.entry', subject: 'unit:31' });
      expect(await verifyAuditChain(db)).toMatchObject({ intact: true, entries: 31 });
    } finally {
      await handle?.close();
      await pgContext?.close();
    }
  });
});

describe('patuh audit verify', () => {
  const cli = cliWorkspace('audit_cli');
  const { patuh, withDatabase } = cli;

  beforeAll(async () => {
    await cli.setUp();
    expect((await patuh('migrate')).code).toBe(0);
    await withDatabase((db) => appendAuditMany(db, range(5).map(awkward)).then(() => undefined));
  });
  afterAll(() => cli.tearDown());

  it('exits 0 when the chain is intact and 1 naming the entry edited by hand', async () => {
    const ok = await patuh('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^intact \(5 entries\)\nhead 5:[0-9a-f]{64}\n$/);
    const log = await patuh('audit', 'log', '--subject', 'submission:3', '--json');
    expect(log.code).toBe(0);
    expect(JSON.parse(log.stdout)).toMatchObject([{ seq: 3, action: 'test.awkward', subject: 'submission:3' }]);

    await withDatabase((db) => tamper(db, sql`update audit_entries set actor = 'someone else' where seq = 4`));
    const broken = await patuh('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^broken at seq 4 \(id \d+\): hash-mismatch/);
    const json = await patuh('audit', 'verify', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      intact: false,
      entries: 3,
      problem: { kind: 'hash-mismatch', seq: 4 },
    });
    expect((await patuh('audit', 'verify', '--anchor', 'nonsense')).code).toBe(2);
  });
});
