/**
 * `patuh audit verify`: walks the audit chain in seq order, a page at a time, and
 * recomputes every hash (docs/audit.md). The first problem found is reported:
 *
 *   missing-entry       a seq is absent (a deleted row), in the middle or at the end
 *   prev-hash-mismatch  an entry does not point at the hash of the entry before it
 *                       (that one, or this one, was rewritten with a new hash)
 *   hash-mismatch       an entry's fields do not hash to its stored hash (it was edited)
 *   head-mismatch       the chain head disagrees with the last entry, or is gone
 *   beyond-head         entries numbered after the head (inserted by hand)
 *   anchor-mismatch     the entry at an anchored seq has another hash than the one
 *                       recorded outside the database (or the chain is shorter)
 *
 * The head is read first, with the number of entries beyond it, in one statement;
 * entries appended while the walk runs are after it and are not looked at.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { type AuditEntry, auditChainPage } from '../../db/repos/audit.ts';
import { canonicalEntry, GENESIS_HASH } from '../../domain/audit/chain.ts';

export type ChainProblemKind =
  | 'missing-entry'
  | 'prev-hash-mismatch'
  | 'hash-mismatch'
  | 'head-mismatch'
  | 'beyond-head'
  | 'anchor-mismatch';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** the seq of the first broken entry (for a missing entry: the seq that is absent) */
  seq: number;
  /** the row's id; null when there is no row (missing-entry, head-mismatch) */
  id: number | null;
  message: string;
  expected?: string;
  found?: string;
}

export interface ChainReport {
  intact: boolean;
  /** entries checked */
  entries: number;
  /** the chain head when the walk began: record it elsewhere to anchor later checks */
  head: { seq: number; hash: string } | null;
  problem: ChainProblem | null;
}

export interface VerifyOptions {
  pageSize?: number;
  /** a seq and hash recorded outside the database earlier (`--anchor SEQ:HASH`) */
  anchor?: { seq: number; hash: string };
}

export const entryHash = (prevHash: string, e: AuditEntry): string =>
  createHash('sha256').update(prevHash).update(canonicalEntry(e)).digest('hex');

/** The first problem of one entry, given what the entry before it left. */
function checkEntry(e: AuditEntry, expectedSeq: number, prevHash: string): ChainProblem | null {
  if (e.seq !== expectedSeq) {
    return {
      kind: 'missing-entry',
      seq: expectedSeq,
      id: null,
      message: `entry seq ${expectedSeq} is missing (a deleted row): after seq ${expectedSeq - 1} comes seq ${e.seq} (id ${e.id})`,
    };
  }
  if (e.prevHash !== prevHash) {
    return {
      kind: 'prev-hash-mismatch',
      seq: e.seq,
      id: e.id,
      message: `entry seq ${e.seq} (id ${e.id}) does not point at the hash of seq ${e.seq - 1}: one of the two was rewritten`,
      expected: prevHash,
      found: e.prevHash,
    };
  }
  const hash = entryHash(e.prevHash, e);
  if (hash !== e.hash) {
    return {
      kind: 'hash-mismatch',
      seq: e.seq,
      id: e.id,
      message: `entry seq ${e.seq} (id ${e.id}) was changed: its fields (at, actor, action, subject, before, after) no longer give its hash`,
      expected: hash,
      found: e.hash,
    };
  }
  return null;
}

export async function verifyAuditChain(db: Database, opts: VerifyOptions = {}): Promise<ChainReport> {
  const pageSize = opts.pageSize ?? 1000;
  const { rows } = await sql<{ seq: number | null; hash: string | null; beyond: number }>`
    select h.seq, h.hash, (select count(*) from audit_entries where seq > coalesce(h.seq, 0))::int as beyond
    from (select 1) one left join audit_chain_head h on h.id = 1`.execute(db);
  const h = rows[0];
  const head = h && h.seq !== null && h.hash !== null ? { seq: h.seq, hash: h.hash } : null;
  const report = (entries: number, problem: ChainProblem | null): ChainReport => ({
    intact: problem === null,
    entries,
    head,
    problem,
  });
  if (!head) {
    return report(0, {
      kind: 'head-mismatch',
      seq: 0,
      id: null,
      message: 'the chain head (table audit_chain_head) is gone',
    });
  }

  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const page = await auditChainPage(db, expectedSeq - 1, head.seq, pageSize);
    for (const e of page) {
      const problem = checkEntry(e, expectedSeq, prevHash);
      if (problem) return report(expectedSeq - 1, problem);
      if (opts.anchor?.seq === e.seq && opts.anchor.hash !== e.hash) {
        return report(expectedSeq, {
          kind: 'anchor-mismatch',
          seq: e.seq,
          id: e.id,
          message: `entry seq ${e.seq} (id ${e.id}) has another hash than the anchor recorded outside the database: the chain was rewritten from there or before`,
          expected: opts.anchor.hash,
          found: e.hash,
        });
      }
      prevHash = e.hash;
      expectedSeq += 1;
    }
    if (page.length < pageSize) break;
  }
  const entries = expectedSeq - 1;
  if (entries < head.seq) {
    return report(entries, {
      kind: 'missing-entry',
      seq: expectedSeq,
      id: null,
      message: `entries seq ${expectedSeq} to ${head.seq} are missing (deleted rows): the chain head says ${head.seq} entries`,
    });
  }
  if (prevHash !== head.hash) {
    return report(entries, {
      kind: 'head-mismatch',
      seq: head.seq,
      id: null,
      message: `the chain head does not match entry seq ${head.seq}`,
      expected: prevHash,
      found: head.hash,
    });
  }
  if (h && h.beyond > 0) {
    return report(entries, {
      kind: 'beyond-head',
      seq: head.seq + 1,
      id: null,
      message: `${h.beyond} entries are numbered after the chain head (seq ${head.seq}): they were inserted by hand`,
    });
  }
  if (opts.anchor && opts.anchor.seq > head.seq) {
    return report(entries, {
      kind: 'anchor-mismatch',
      seq: opts.anchor.seq,
      id: null,
      message: `the chain has ${head.seq} entries, fewer than the anchor's seq ${opts.anchor.seq}: entries were removed`,
    });
  }
  return report(entries, null);
}
