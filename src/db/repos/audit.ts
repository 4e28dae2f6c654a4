/**
 * The audit trail: who did what to which thing, with the state before and after.
 * Append-only (triggers refuse UPDATE, DELETE and TRUNCATE) and hash-chained
 * (migration 0005, docs/audit.md, ADR 0004): every write goes through appendAudit or
 * appendAuditMany, inside the caller's transaction.
 *
 * One statement per append (or per batch): it locks the one-row chain head, numbers
 * the entries after it, hashes them in the database (sha256 over the canonical
 * text built by domain/audit/chain.ts, with the seq filled in under the lock),
 * inserts them and moves the head. The lock is held until the caller's transaction
 * ends, so appends are serialised in commit order and a rollback leaves no gap;
 * append audit entries as the last write of a transaction to keep that short.
 */
import { CompiledQuery } from 'kysely';
import { canonicalEntryParts, type Json, jsonValue } from '../../domain/audit/chain.ts';
import { type Database, PREPARED } from '../database.ts';

export interface AuditInput {
  /** "user:12", "token:3", "cli", "system" */
  actor: string;
  /** dotted verb: "cycle.transition", "user.create" */
  action: string;
  /** what it was done to: "cycle:2025", "user:12", "unit:431" */
  subject: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry {
  id: number;
  /** the position in the chain: 1, 2, 3 … without gaps */
  seq: number;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  before: Json;
  after: Json;
  prevHash: string;
  hash: string;
}

export interface AppendedRange {
  firstSeq: number;
  lastSeq: number;
}

/**
 * The append, one statement. $1 is the batch: [{actor, action, subject, before,
 * after, at, prefix, suffix}]. A recursive CTE walks it by position, each step
 * hashing prev_hash ‖ prefix ‖ seq ‖ suffix; $1 is referenced, never copied per
 * step, so a batch of n entries costs O(n). Every audited change runs it: prepared
 * once per connection (its text never varies).
 */
const APPEND = `${PREPARED}
  with recursive
  head as (select seq, hash from audit_chain_head where id = 1 for update),
  chain (i, seq, prev_hash, hash, e) as (
    select 0, seq, hash, hash, null::jsonb from head
    union all
    select c.i + 1, c.seq + 1, c.hash,
           encode(sha256(convert_to(c.hash || (x.e ->> 'prefix') || (c.seq + 1)::text || (x.e ->> 'suffix'), 'UTF8')), 'hex'),
           x.e
    from chain c cross join lateral (select $1::jsonb -> c.i as e) x
    where c.i < jsonb_array_length($1::jsonb)
  ),
  inserted as (
    insert into audit_entries (seq, prev_hash, hash, at, actor, action, subject, before, after)
    select seq, prev_hash, hash, (e ->> 'at')::timestamptz, e ->> 'actor', e ->> 'action', e ->> 'subject',
           nullif(e -> 'before', 'null'::jsonb), nullif(e -> 'after', 'null'::jsonb)
    from chain where i > 0
    returning seq
  ),
  last as (select seq, hash from chain order by i desc limit 1),
  moved as (
    update audit_chain_head h set seq = last.seq, hash = last.hash from last where h.id = 1 and last.seq > h.seq
    returning h.seq
  )
  select (select min(seq) from inserted) as first_seq, (select seq from moved) as last_seq`;

export async function appendAudit(db: Database, e: AuditInput): Promise<void> {
  await appendAuditMany(db, [e]);
}

/**
 * Appends entries in the given order under one lock, in one round trip. For hot
 * paths that write many audited things in one transaction (the sync endpoint).
 */
export async function appendAuditMany(db: Database, entries: readonly AuditInput[]): Promise<AppendedRange | null> {
  if (entries.length === 0) return null;
  const at = new Date();
  const batch = entries.map((e) => {
    const before = jsonValue(e.before);
    const after = jsonValue(e.after);
    const { prefix, suffix } = canonicalEntryParts({ ...e, at, before, after });
    return { actor: e.actor, action: e.action, subject: e.subject, before, after, at, prefix, suffix };
  });
  const { rows } = await db.executeQuery<{ first_seq: number | null; last_seq: number | null }>(
    CompiledQuery.raw(APPEND, [JSON.stringify(batch)]),
  );
  const r = rows[0];
  if (!r || r.first_seq === null || r.last_seq === null) {
    throw new Error('the audit chain head is missing: nothing can be audited (run patuh audit verify)');
  }
  return { firstSeq: r.first_seq, lastSeq: r.last_seq };
}

type Row = {
  id: number;
  seq: number;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
};

const toEntry = (r: Row): AuditEntry => ({
  id: r.id,
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  action: r.action,
  subject: r.subject,
  before: (r.before ?? null) as Json,
  after: (r.after ?? null) as Json,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** The latest entries first, optionally for one subject. */
export async function listAudit(db: Database, opts: { subject?: string; limit?: number } = {}): Promise<AuditEntry[]> {
  let q = db
    .selectFrom('audit_entries')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(opts.limit ?? 100);
  if (opts.subject) q = q.where('subject', '=', opts.subject);
  return (await q.execute()).map(toEntry);
}

/** One subject's entries, oldest first, a page at a time. */
export async function auditOfSubject(
  db: Database,
  subject: string,
  page: { offset: number; limit: number },
): Promise<{ rows: AuditEntry[]; total: number }> {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('audit_entries')
      .selectAll()
      .where('subject', '=', subject)
      .orderBy('seq')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('subject', '=', subject)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toEntry), total: Number(count.n) };
}

/** Entries with afterSeq < seq <= uptoSeq, in seq order, at most `limit` (verification walks the chain with it). */
export async function auditChainPage(
  db: Database,
  afterSeq: number,
  uptoSeq: number,
  limit: number,
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_entries')
    .selectAll()
    .where('seq', '>', afterSeq)
    .where('seq', '<=', uptoSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(toEntry);
}

/** The last seq and hash, as the appends left them; null when the head row is gone. */
export async function auditChainHead(db: Database): Promise<{ seq: number; hash: string } | null> {
  const row = await db.selectFrom('audit_chain_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  return row ?? null;
}
