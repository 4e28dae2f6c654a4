/**
 * Linking stored evidence to what it supports, inside the caller's transaction:
 * the sync of a submission links its photos ("submission:<uuid>", per item), a
 * follow-up update its documents. One `evidence.link` audit entry per new link, in
 * the subject's own history; a link made before changes nothing.
 */
import type { Database } from '../../db/database.ts';
import { type AuditInput, appendAuditMany } from '../../db/repos/audit.ts';
import { insertEvidenceLinks } from '../../db/repos/evidence.ts';
import { AppError } from '../../errors.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { parseSubject } from '../subject-access.ts';
import { evidenceNotFound, unlinkableEvidence } from './open-evidence.ts';

export interface EvidenceLink {
  sha256: string;
  /** "submission:<uuid>", "followup:<id>" … */
  subject: string;
  /** the item (indicator code) the evidence supports, if one */
  item?: string | null;
}

/** Inserts the links and returns the audit entries of the new ones (appended by the caller, last). */
export async function linkAudit(
  tx: Database,
  links: ReadonlyArray<{ sha256: string; subject: string; item: string | null }>,
  actor: string,
): Promise<AuditInput[]> {
  const added = await insertEvidenceLinks(
    tx,
    links.map((l) => ({ ...l, linkedBy: actor })),
  );
  return added.map((l) => ({
    actor,
    action: 'evidence.link',
    subject: l.subject,
    after: { evidence: l.sha256, item: l.item },
  }));
}

/**
 * Links evidence to subjects; the caller has already decided that the principal may
 * change those subjects. The principal may link only evidence it uploaded or may
 * already see (open-evidence.ts); throws NOT_FOUND naming the other hashes and
 * those never uploaded alike (details.missing), VALIDATION_FAILED for a malformed subject. Returns how many
 * links are new. Call it as the last write of the transaction: the audit append
 * holds the chain's lock until commit.
 */
export async function linkEvidence(tx: Database, actor: Principal, links: readonly EvidenceLink[]): Promise<number> {
  if (links.length === 0) return 0;
  const bad = links.find((l) => !parseSubject(l.subject));
  if (bad) throw new AppError('VALIDATION_FAILED', `"${bad.subject}" is not a subject: use kind:id`);
  const refused = await unlinkableEvidence(
    tx,
    actor,
    links.map((l) => l.sha256),
  );
  if (refused.length > 0) throw evidenceNotFound(refused);
  const audit = await linkAudit(
    tx,
    links.map((l) => ({ sha256: l.sha256, subject: l.subject, item: l.item ?? null })),
    actorOf(actor),
  );
  await appendAuditMany(tx, audit);
  return audit.length;
}
