/**
 * POST /api/v1/sync (issue 4, item 3): an assessor's device sends the sheets it
 * collected, up to 50 at a time, each with the id the device gave it. Each sheet is
 * checked before any transaction (its shape, the unit, the assignment, the cycle in
 * fieldwork, its answers against the instrument); the good ones are stored by the
 * group-commit writer (sync-writer.ts → sync-store.ts) and the answer is sent after
 * their transaction committed, so whatever is acknowledged is stored. One bad sheet
 * never blocks the others of a batch.
 */
import { createHash } from 'node:crypto';
import { missingEvidence } from '../../db/repos/evidence.ts';
import { loadSyncTargets, type SyncTarget } from '../../db/repos/submissions-sync.ts';
import { checkSheet } from '../../domain/fieldwork/check-sheet.ts';
import { canonicalContent, normalizeItems, sheetKey } from '../../domain/fieldwork/submission.ts';
import type { Level } from '../../domain/instrument/schema.ts';
import type { ErrorCode } from '../../errors.ts';
import { type SyncResultView, syncSubmission } from '../../shared/fieldwork-schemas.ts';
import { canSync, ensure, requireSignedIn } from '../auth/policy.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import type { PreparedSheet } from './sync-store.ts';
import { syncWriterFor } from './sync-writer.ts';
import './subject-policies.ts';

type Parsed = PreparedSheet['s'];

const rejected = (index: number, id: string, code: ErrorCode, message: string, details?: unknown): SyncResultView => ({
  index,
  id,
  status: 'rejected',
  submissionId: null,
  version: null,
  submissionStatus: null,
  error: { code, message, ...(details === undefined ? {} : { details }) },
});

function idOf(raw: unknown): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 100) : '';
}

/** Checks one sheet against its unit, the assignment and the instrument: prepared, or its rejection. */
function prepare(
  ctx: ServiceContext,
  who: { assessorId: number; actor: string },
  index: number,
  s: Parsed,
  targets: Map<number, SyncTarget>,
  missing: ReadonlySet<string>,
): PreparedSheet | SyncResultView {
  const target = targets.get(s.unitId);
  if (!target) return rejected(index, s.id, 'NOT_FOUND', `there is no unit ${s.unitId}`);
  if (!target.assigned) {
    return rejected(
      index,
      s.id,
      'FORBIDDEN',
      `you are not assigned to unit ${s.unitId} (or its entity) in ${target.year}`,
    );
  }
  if (target.cycleStatus !== 'fieldwork') {
    return rejected(index, s.id, 'CYCLE_LOCKED', `the ${target.year} cycle is ${target.cycleStatus}, not in fieldwork`);
  }
  if (!target.unitActive) return rejected(index, s.id, 'VALIDATION_FAILED', `unit ${s.unitId} was deactivated`);
  const instrument = target.edition ? ctx.catalog.editions.get(target.edition) : undefined;
  if (!instrument) return rejected(index, s.id, 'VALIDATION_FAILED', `the ${target.year} cycle has no instrument`);
  const items = normalizeItems(s.items);
  const problems = checkSheet(instrument, target.level as Level, {
    kind: s.kind,
    respondent: s.respondent,
    items: s.items,
  });
  if (problems.length > 0) {
    const message = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    return rejected(index, s.id, 'VALIDATION_FAILED', message, { issues: problems });
  }
  const absent = [...new Set(items.flatMap((i) => i.evidence.filter((e) => missing.has(e))))];
  if (absent.length > 0) {
    const r = rejected(index, s.id, 'NOT_FOUND', `upload the evidence first: ${absent.join(', ')} not found`, {
      missing: absent,
    });
    return { ...r, error: { ...r.error, reason: 'evidence_missing' } as NonNullable<SyncResultView['error']> };
  }
  const content = canonicalContent({ unitId: s.unitId, kind: s.kind, respondent: s.respondent, items });
  return {
    index,
    s,
    target,
    key: sheetKey(s),
    items,
    itemsJson: JSON.stringify(items),
    hash: createHash('sha256').update(content).digest('hex'),
    ...who,
  };
}

/** Checks a request's sheets; the ones ready to store, and the answers of the others (by position). */
export async function prepareSheets(
  ctx: ServiceContext,
  p: Principal,
  submissions: readonly unknown[],
): Promise<{ results: SyncResultView[]; ready: PreparedSheet[] }> {
  requireSignedIn(p, 'sync submissions');
  ensure(p, canSync(p), 'sync submissions (assessors only)');
  const who = { assessorId: p.userId as number, actor: actorOf(p) };
  const results: SyncResultView[] = new Array(submissions.length);
  const parsed: Array<{ index: number; s: Parsed }> = [];
  submissions.forEach((raw, index) => {
    const r = syncSubmission.safeParse(raw);
    if (r.success) {
      parsed.push({ index, s: r.data });
      return;
    }
    const issues = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const message = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    results[index] = rejected(index, idOf(raw), 'VALIDATION_FAILED', message, { issues });
  });
  const ready: PreparedSheet[] = [];
  if (parsed.length === 0) return { results, ready };
  const targets = await loadSyncTargets(ctx.db, who.assessorId, [...new Set(parsed.map((x) => x.s.unitId))]);
  const hashes = parsed.flatMap((x) => x.s.items.flatMap((i) => (i.evidence ?? []).map((e) => e.toLowerCase())));
  const missing = new Set(hashes.length > 0 ? await missingEvidence(ctx.db, hashes) : []);
  for (const { index, s } of parsed) {
    const r = prepare(ctx, who, index, s, targets, missing);
    if ('status' in r) results[index] = r;
    else ready.push(r);
  }
  return { results, ready };
}

export async function syncSubmissions(
  ctx: ServiceContext,
  p: Principal,
  submissions: readonly unknown[],
): Promise<SyncResultView[]> {
  const { results, ready } = await prepareSheets(ctx, p, submissions);
  if (ready.length === 0) return results;
  const stored = await syncWriterFor(ctx.db).store(ready);
  for (const x of ready) results[x.index] = stored.get(x) as SyncResultView;
  return results;
}
