/**
 * Serving a piece of evidence to those who may see it: admin and central staff;
 * everyone who uploaded these bytes (evidence_uploads); anyone who may see a subject
 * it is linked to (the rule of the subject's kind, subject-access.ts). Anyone else —
 * and an unknown hash — gets the same 404, so a hash reveals nothing about what
 * exists. Signing in comes first (401).
 *
 * Linking follows the same rule (issue 12, finding 5): a caller may link a hash only
 * to evidence it may already see, so knowing a hash never gives access to a file.
 */
import type { Readable } from 'node:stream';
import type { Database } from '../../db/database.ts';
import { findEvidence, linksOfEvidence, missingEvidence, uploadedBy } from '../../db/repos/evidence.ts';
import { AppError } from '../../errors.ts';
import { requireSignedIn } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { maySeeSubject } from '../subject-access.ts';
import type { EvidenceDeps } from './store-evidence.ts';

export interface OpenedEvidence {
  sha256: string;
  mediaType: string;
  size: number;
  body: Readable;
}

const notFound = (sha256: string) => new AppError('NOT_FOUND', `there is no evidence ${sha256}`);

const seesAllEvidence = (p: Principal) => p.role === 'admin' || p.role === 'central';

/** Whether the principal may see an existing piece of evidence (the rule above). */
export async function maySeeEvidence(db: Database, principal: Principal, sha256: string): Promise<boolean> {
  return (await unseenEvidence(db, principal, [sha256])).length === 0;
}

/** Of these existing hashes, those the principal may not see. */
async function unseenEvidence(db: Database, principal: Principal, hashes: readonly string[]): Promise<string[]> {
  if (seesAllEvidence(principal)) return [];
  if (principal.kind === 'anonymous' || principal.role === null) return [...hashes];
  const mine = principal.userId === null ? new Set<string>() : await uploadedBy(db, principal.userId, hashes);
  const unseen: string[] = [];
  for (const sha256 of hashes) {
    if (mine.has(sha256)) continue;
    let seen = false;
    for (const subject of new Set((await linksOfEvidence(db, sha256)).map((l) => l.subject))) {
      if (await maySeeSubject(principal, subject, db)) {
        seen = true;
        break;
      }
    }
    if (!seen) unseen.push(sha256);
  }
  return unseen;
}

/**
 * The hashes (each once, in order) the principal may not link: never uploaded, or
 * neither uploaded by it nor linked to a subject it may see. Both are answered alike
 * (NOT_FOUND), so a refusal does not tell whether the file exists.
 */
export async function unlinkableEvidence(
  db: Database,
  principal: Principal,
  hashes: readonly string[],
): Promise<string[]> {
  const wanted = [...new Set(hashes)];
  if (wanted.length === 0) return [];
  const missing = new Set(await missingEvidence(db, wanted));
  const refused = new Set(
    await unseenEvidence(
      db,
      principal,
      wanted.filter((h) => !missing.has(h)),
    ),
  );
  return wanted.filter((h) => missing.has(h) || refused.has(h));
}

/** The refusal of a link to evidence the caller may not link (or that does not exist), worded once. */
export function evidenceNotFound(hashes: readonly string[]): AppError {
  return new AppError(
    'NOT_FOUND',
    `evidence ${hashes.join(', ')} not found: upload the file first (you may link only evidence you uploaded or may already see)`,
    { missing: [...hashes] },
  );
}

/** Checks access and opens the bytes; `ifNoneMatch` short-cuts to `notModified` (after the check). */
export async function openEvidence(
  deps: EvidenceDeps,
  principal: Principal,
  sha256: string,
  opts: { ifNoneMatch?: string } = {},
): Promise<OpenedEvidence | { notModified: true; sha256: string }> {
  requireSignedIn(principal, 'see evidence');
  const row = await findEvidence(deps.db, sha256);
  if (!row || !(await maySeeEvidence(deps.db, principal, sha256))) throw notFound(sha256);
  if (opts.ifNoneMatch === `"${sha256}"`) return { notModified: true, sha256 };
  const body = await deps.evidence.store.get(sha256);
  if (!body) throw new Error(`evidence ${sha256} is recorded but ${deps.evidence.store.description} does not hold it`);
  return { sha256, mediaType: row.mediaType, size: row.size, body };
}
