/**
 * Evidence attached to a follow-up update, an objection or a message in its thread:
 * the sha256 hashes of files uploaded first through the evidence API
 * (POST /api/v1/evidence). They are kept with the update or message and linked to
 * its subject ("followup:<id>", "objection:<id>") through services/evidence, so the
 * file is served to whoever may see that subject (subject-policies.ts). A hash that
 * was never uploaded is a 404 naming it (details.missing).
 */
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Principal } from '../auth/principal.ts';
import { linkEvidence } from '../evidence/link-evidence.ts';

export const MAX_EVIDENCE = 20;
const SHA256 = /^[0-9a-f]{64}$/;

/** Lower case, each once, at most MAX_EVIDENCE. */
export function normaliseEvidence(hashes: readonly string[]): string[] {
  const out = [...new Set(hashes.map((h) => h.trim().toLowerCase()))];
  const bad = out.filter((h) => !SHA256.test(h));
  if (bad.length > 0) {
    throw new AppError('VALIDATION_FAILED', `evidence: ${bad.join(', ')} is not a sha256 hash (64 hex digits)`);
  }
  if (out.length > MAX_EVIDENCE) throw new AppError('VALIDATION_FAILED', `evidence: at most ${MAX_EVIDENCE} files`);
  return out;
}

/**
 * Links the files to the subject inside the caller's transaction, as its last write
 * (the audit append holds the chain's lock until commit).
 */
export async function attachEvidence(
  tx: Database,
  p: Principal,
  subject: string,
  hashes: readonly string[],
  item: string | null = null,
): Promise<void> {
  await linkEvidence(
    tx,
    p,
    hashes.map((sha256) => ({ sha256, subject, item })),
  );
}
