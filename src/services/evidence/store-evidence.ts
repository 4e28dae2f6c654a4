/**
 * Storing a piece of evidence: checked by content (JPEG, PNG, WebP, PDF) and size,
 * written to the blob store under its sha256 (durable before anything else
 * happens), then recorded — the row, an optional link to a subject, and their
 * audit entries — in one transaction. The same bytes again answer the same sha256
 * and store nothing new, but the uploader is recorded (evidence_uploads: every
 * uploader may see and link the file). The answer is the same whether the bytes
 * were stored before or not, so an upload does not reveal that a file exists.
 *
 * Photos are stripped of their metadata but capture time and GPS here, whatever
 * client sent them (strip-metadata.ts): what is stored, hashed and answered is the
 * stripped image, so a client links the sha256 the upload answers, not its own.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { type AuditInput, appendAuditMany } from '../../db/repos/audit.ts';
import { findEvidence, insertEvidence, recordUpload } from '../../db/repos/evidence.ts';
import { type EvidenceMediaType, sniffMediaType } from '../../domain/evidence/media-type.ts';
import { AppError } from '../../errors.ts';
import { requireSignedIn } from '../auth/policy.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { knownSubjectKinds, maySeeSubject, parseSubject } from '../subject-access.ts';
import { linkAudit } from './link-evidence.ts';
import type { EvidenceStorage } from './storage.ts';
import { stripImageMetadata } from './strip-metadata.ts';

export interface EvidenceDeps {
  db: Database;
  evidence: EvidenceStorage;
}

export interface StoredEvidence {
  sha256: string;
  mediaType: EvidenceMediaType;
  size: number;
}

export const checkUploadAllowed = (principal: Principal): void => requireSignedIn(principal, 'upload evidence');

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The refusal for a file over the limit, worded once (the route refuses while reading, this service after). */
export function tooLarge(limitBytes: number): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `the file is larger than ${mib(limitBytes)}, the evidence limit (PATUH_EVIDENCE_LIMIT_MB); resize the photo or split the document`,
    { limitBytes },
  );
}

/** Checks a subject an upload or a link names: a registered kind, visible to the principal. */
export async function checkLinkTarget(db: Database, principal: Principal, subject: string): Promise<void> {
  const parsed = parseSubject(subject);
  const kinds = knownSubjectKinds();
  if (!parsed || !kinds.includes(parsed.prefix)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `evidence can be linked to ${kinds.map((k) => `${k}:<id>`).join(', ')}; not to "${subject}"`,
    );
  }
  if (!(await maySeeSubject(principal, subject, db))) throw new AppError('NOT_FOUND', `there is no ${subject}`);
}

export async function storeEvidence(
  deps: EvidenceDeps,
  principal: Principal,
  input: { bytes: Uint8Array; subject?: string | null; item?: string | null },
): Promise<StoredEvidence> {
  checkUploadAllowed(principal);
  const received = input.bytes;
  if (received.length === 0) throw new AppError('VALIDATION_FAILED', 'the file is empty');
  if (received.length > deps.evidence.limitBytes) throw tooLarge(deps.evidence.limitBytes);
  const mediaType = sniffMediaType(received);
  if (!mediaType) {
    throw new AppError(
      'UNSUPPORTED_MEDIA',
      'evidence must be a JPEG, PNG or WebP photo or a PDF document (told by the file’s content, not its name)',
    );
  }
  const subject = input.subject ?? null;
  if (subject) await checkLinkTarget(deps.db, principal, subject);

  const bytes = await stripImageMetadata(received, mediaType); // what is stored, hashed and answered
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { store } = deps.evidence;
  const known = await findEvidence(deps.db, sha256);
  if (!known || !(await store.has(sha256))) await store.put(sha256, bytes, mediaType); // durable before the row

  const actor = actorOf(principal);
  await deps.db.transaction().execute(async (tx) => {
    const isNew = await insertEvidence(tx, { sha256, mediaType, size: bytes.length, createdBy: principal.userId });
    const newUploader = principal.userId !== null && (await recordUpload(tx, sha256, principal.userId));
    const audit: AuditInput[] = [];
    if (isNew || newUploader) {
      audit.push({
        actor,
        action: 'evidence.upload',
        subject: `evidence:${sha256}`,
        after: { mediaType, size: bytes.length },
      });
    }
    if (subject) audit.push(...(await linkAudit(tx, [{ sha256, subject, item: input.item ?? null }], actor)));
    await appendAuditMany(tx, audit);
  });
  return { sha256, mediaType, size: bytes.length };
}
