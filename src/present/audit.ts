/** An audit entry as the API shows it: the chain's fields, the time as an ISO string. */
import type { AuditEntryView } from '../shared/records-schemas.ts';

type Json = AuditEntryView['before'];

/** What the presenter needs of an entry of the chain. */
export interface PresentableAuditEntry {
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

export function presentAuditEntry(e: PresentableAuditEntry): AuditEntryView {
  return {
    seq: e.seq,
    at: e.at.toISOString(),
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    before: e.before,
    after: e.after,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}
