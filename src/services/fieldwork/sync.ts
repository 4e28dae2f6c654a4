/**
 * POST /api/v1/sync (issue 4, item 3): an assessor's device sends the sheets it
 * collected, up to 50 at a time, each with the id the device gave it. Here each
 * sheet's shape is checked and its content hashed, and its evidence must have been
 * uploaded by this assessor or be evidence it may already see (never a hash alone:
 * open-evidence.ts); the rest (unit, assignment, cycle in fieldwork, answers against the
 * instrument, then the decision and the writes) happens in the transaction that
 * stores it (sync-writer.ts → sync-store.ts). The answer is sent after that
 * transaction committed, so whatever is acknowledged is stored. One bad sheet never
 * blocks the others of a batch.
 */
import { createHash } from 'node:crypto';
import { canonicalContent, normalizeItems, packItems, sheetKey } from '../../domain/fieldwork/submission.ts';
import { type SyncResultView, syncSubmission } from '../../shared/fieldwork-schemas.ts';
import { findUnstorableText } from '../../shared/text-input.ts';
import { canSync, ensure, requireSignedIn } from '../auth/policy.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { evidenceNotFound, unlinkableEvidence } from '../evidence/open-evidence.ts';
import { rejected } from './sync-check.ts';
import type { PreparedSheet } from './sync-store.ts';

function idOf(raw: unknown): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 100) : '';
}

/** Checks a request's sheets as far as no database is needed; the ones to store, and the answers of the others. */
export async function prepareSheets(
  ctx: ServiceContext,
  p: Principal,
  submissions: readonly unknown[],
): Promise<{ results: SyncResultView[]; ready: PreparedSheet[] }> {
  requireSignedIn(p, 'sync submissions');
  ensure(p, canSync(p), 'sync submissions (assessors only)');
  const who = { assessorId: p.userId as number, actor: actorOf(p) };
  const results: SyncResultView[] = new Array(submissions.length);
  const ready: PreparedSheet[] = [];
  submissions.forEach((raw, index) => {
    // text the database cannot hold (a NUL byte, a lone surrogate) rejects this sheet alone, for good
    const unstorable = findUnstorableText(raw);
    if (unstorable) {
      const path = unstorable.path.slice(0, 200);
      results[index] = rejected(index, idOf(raw), 'VALIDATION_FAILED', `${path}: ${unstorable.message}`, {
        reason: 'unstorable_text',
        details: { issues: [{ path, message: unstorable.message }] },
      });
      return;
    }
    const r = syncSubmission.safeParse(raw);
    if (!r.success) {
      const issues = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      const message = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      results[index] = rejected(index, idOf(raw), 'VALIDATION_FAILED', message, { details: { issues } });
      return;
    }
    const s = r.data;
    const items = normalizeItems(s.items);
    const content = canonicalContent({ unitId: s.unitId, kind: s.kind, respondent: s.respondent, items });
    ready.push({
      index,
      s,
      key: sheetKey(s),
      items,
      itemsJson: JSON.stringify(packItems(items)),
      hash: createHash('sha256').update(content).digest('hex'),
      ...who,
    });
  });
  const hashes = ready.flatMap((x) => x.items.flatMap((i) => i.evidence));
  if (hashes.length === 0) return { results, ready };
  const missing = new Set(await unlinkableEvidence(ctx.db, p, hashes));
  const uploaded = ready.filter((x) => {
    const absent = [...new Set(x.items.flatMap((i) => i.evidence.filter((e) => missing.has(e))))];
    if (absent.length === 0) return true;
    results[x.index] = rejected(x.index, x.s.id, 'NOT_FOUND', evidenceNotFound(absent).message, {
      reason: 'evidence_missing',
      details: { missing: absent },
    });
    return false;
  });
  return { results, ready: uploaded };
}

export async function syncSubmissions(
  ctx: ServiceContext,
  p: Principal,
  submissions: readonly unknown[],
): Promise<SyncResultView[]> {
  const { results, ready } = await prepareSheets(ctx, p, submissions);
  if (ready.length === 0) return results;
  const stored = await ctx.runtime.syncWriter.store(ready);
  for (const x of ready) results[x.index] = stored.get(x) as SyncResultView;
  return results;
}
