/**
 * The audit trail: who did what to which thing, with the state before and after.
 * Append-only (a trigger refuses updates and deletes); every write goes through
 * appendAudit, so issue 4 can chain the entries by hash in one place.
 */
import type { Database } from '../database.ts';

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

export interface AuditEntry extends Required<AuditInput> {
  id: number;
  at: Date;
}

export async function appendAudit(db: Database, e: AuditInput): Promise<void> {
  await db
    .insertInto('audit_entries')
    .values({
      actor: e.actor,
      action: e.action,
      subject: e.subject,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
    })
    .execute();
}

/** The latest entries first, optionally for one subject. */
export async function listAudit(db: Database, opts: { subject?: string; limit?: number } = {}): Promise<AuditEntry[]> {
  let q = db
    .selectFrom('audit_entries')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(opts.limit ?? 100);
  if (opts.subject) q = q.where('subject', '=', opts.subject);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    before: r.before ?? null,
    after: r.after ?? null,
  }));
}
