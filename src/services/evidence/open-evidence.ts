/**
 * Serving a piece of evidence to those who may see it: admin and central staff;
 * its first uploader; anyone who may see a subject it is linked to (the rule of the
 * subject's kind, subject-access.ts). Anyone else — and an unknown hash — gets the
 * same 404, so a hash reveals nothing about what exists. Signing in comes first (401).
 */
import type { Readable } from 'node:stream';
import type { Database } from '../../db/database.ts';
import { findEvidence, linksOfEvidence } from '../../db/repos/evidence.ts';
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

export async function maySeeEvidence(
  db: Database,
  principal: Principal,
  e: { sha256: string; createdBy: number | null },
): Promise<boolean> {
  if (principal.role === 'admin' || principal.role === 'central') return true;
  if (principal.userId !== null && e.createdBy === principal.userId) return true;
  for (const subject of new Set((await linksOfEvidence(db, e.sha256)).map((l) => l.subject))) {
    if (await maySeeSubject(principal, subject, db)) return true;
  }
  return false;
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
  if (!row || !(await maySeeEvidence(deps.db, principal, row))) throw notFound(sha256);
  if (opts.ifNoneMatch === `"${sha256}"`) return { notModified: true, sha256 };
  const body = await deps.evidence.store.get(sha256);
  if (!body) throw new Error(`evidence ${sha256} is recorded but ${deps.evidence.store.description} does not hold it`);
  return { sha256, mediaType: row.mediaType, size: row.size, body };
}
