/**
 * Verification (issue 4, item 5): the office head verifies a submitted sheet,
 * central staff validate a verified one, either sends one back with comments per
 * item (and, if they wish, their own values for some items, stored as a new version
 * the assessor must start from). Validation is what makes answers count: the
 * validated version's items are written into `answers` and the entity is
 * recomputed, in the same transaction.
 */

import { createHash } from 'node:crypto';
import { deleteAnswersOf, upsertAnswers } from '../../db/repos/answers.ts';
import { appendAudit } from '../../db/repos/audit.ts';
import {
  findSubmission,
  insertComments,
  lockSubmission,
  resolveComments,
  type SubmissionRow,
  setSubmissionStatus,
  versionItems,
} from '../../db/repos/submissions.ts';
import { insertNextVersions } from '../../db/repos/submissions-sync.ts';
import { checkSheet } from '../../domain/fieldwork/check-sheet.ts';
import {
  canonicalContent,
  normalizeItems,
  packItems,
  type SubmissionItem,
  type SubmissionStatus,
} from '../../domain/fieldwork/submission.ts';
import { type ReviewAction, reviewSources, reviewTarget } from '../../domain/fieldwork/workflow.ts';
import { AppError } from '../../errors.ts';
import { canReview, canUseReview, ensure, refuseEntity, reviewsAsCentral } from '../auth/policy.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { loadCycle, requireInstrument } from '../cycles.ts';
import { recomputeResults } from '../results/recompute.ts';

export interface ReturnInput {
  version?: number | undefined;
  comments: ReadonlyArray<{ indicator?: string | null | undefined; body: string }>;
  corrections?:
    | ReadonlyArray<{ indicator: string; value: number | null; note?: string | null | undefined }>
    | undefined;
}

const VERB: Record<ReviewAction, string> = { verify: 'verify', validate: 'validate', return: 'send back' };

/** The submission, checked against the role, the scope and the cycle before anything is locked. */
async function loadForReview(
  ctx: ServiceContext,
  p: Principal,
  id: string,
  action: ReviewAction,
): Promise<SubmissionRow> {
  ensure(p, canUseReview(p), `${VERB[action]} submissions`);
  const notFound = new AppError('NOT_FOUND', `there is no submission ${id}`);
  const s = await findSubmission(ctx.db, id);
  if (!s) throw notFound;
  if (!canReview(p, action, s.entity)) {
    if (p.role === 'office_head' && action !== 'validate') throw refuseEntity(p, notFound);
    ensure(p, false, `${VERB[action]} submissions`);
  }
  const cycle = await loadCycle(ctx, s.cycleCode);
  if (cycle.status !== 'fieldwork' && cycle.status !== 'review') {
    throw new AppError('CYCLE_LOCKED', `the ${s.year} cycle is ${cycle.status}: its submissions can no longer change`);
  }
  return s;
}

/** Under the lock: the status the action leads to, or the error saying why not. */
function target(
  p: Principal,
  action: ReviewAction,
  now: { status: SubmissionStatus; version: number },
  expected: number | undefined,
): SubmissionStatus {
  if (expected !== undefined && expected !== now.version) {
    throw new AppError('CONFLICT', `the submission is at version ${now.version} now, not ${expected}; reload it`, {
      version: now.version,
      status: now.status,
    });
  }
  const to = reviewTarget(action, now.status, reviewsAsCentral(p));
  if (!to) {
    const allowed = reviewSources(action, reviewsAsCentral(p));
    throw new AppError(
      'INVALID_TRANSITION',
      `a ${now.status} submission cannot be ${action === 'return' ? 'sent back' : `${action}d`} (only ${allowed.join(' or ')})`,
      {
        from: now.status,
        allowed,
      },
    );
  }
  return to;
}

export async function verifySubmission(ctx: ServiceContext, p: Principal, id: string, version?: number) {
  const s = await loadForReview(ctx, p, id, 'verify');
  await ctx.db.transaction().execute(async (tx) => {
    const now = await lockSubmission(tx, id);
    if (!now) throw new AppError('NOT_FOUND', `there is no submission ${id}`);
    const to = target(p, 'verify', now, version);
    await setSubmissionStatus(tx, id, { from: now.status, to, version: now.version, actor: actorOf(p) });
    await resolveComments(tx, id);
    await appendAudit(tx, {
      actor: actorOf(p),
      action: 'submission.verify',
      subject: `submission:${id}`,
      before: { status: now.status, version: now.version },
      after: { status: to, version: now.version },
    });
  });
  return s;
}

/**
 * Validates: the version's items become the answers of its unit and respondent
 * (replacing those of an earlier validated version, items it no longer has
 * removed), the entity is recomputed, all in one transaction.
 */
export async function validateSubmission(ctx: ServiceContext, p: Principal, id: string, version?: number) {
  const s = await loadForReview(ctx, p, id, 'validate');
  const cycle = await loadCycle(ctx, s.cycleCode);
  requireInstrument(cycle);
  await ctx.db.transaction().execute(async (tx) => {
    const now = await lockSubmission(tx, id);
    if (!now) throw new AppError('NOT_FOUND', `there is no submission ${id}`);
    const to = target(p, 'validate', now, version);
    const items = await versionItems(tx, id, now.version);
    if (now.validatedVersion !== null) {
      const keep = new Set(items.map((i) => i.indicator));
      const before = await versionItems(tx, id, now.validatedVersion);
      await deleteAnswersOf(
        tx,
        s.cycleId,
        s.unit.id,
        s.respondent,
        before.map((i) => i.indicator).filter((c) => !keep.has(c)),
      );
    }
    await upsertAnswers(
      tx,
      cycle.id,
      {
        unitId: items.map(() => s.unit.id),
        indicator: items.map((i) => i.indicator),
        respondent: items.map(() => s.respondent),
        value: items.map((i) => i.value),
      },
      `user:${s.assessor.id}`,
      new Date(),
    );
    await setSubmissionStatus(tx, id, {
      from: now.status,
      to,
      version: now.version,
      actor: actorOf(p),
      validatedVersion: now.version,
    });
    await resolveComments(tx, id);
    await recomputeResults({ db: tx }, cycle, [s.entity.id]);
    await appendAudit(tx, {
      actor: actorOf(p),
      action: 'submission.validate',
      subject: `submission:${id}`,
      before: { status: now.status, version: now.version, validatedVersion: now.validatedVersion },
      after: { status: to, version: now.version, validatedVersion: now.version, answers: items.length },
    });
  });
  return s;
}

/** Applies a reviewer's corrections to a sheet's items (replacing or adding items). */
function corrected(items: SubmissionItem[], corrections: NonNullable<ReturnInput['corrections']>): SubmissionItem[] {
  const by = new Map(items.map((i) => [i.indicator, i]));
  for (const c of corrections) {
    const was = by.get(c.indicator);
    by.set(c.indicator, {
      indicator: c.indicator,
      value: c.value,
      note: c.note ?? was?.note ?? null,
      evidence: was?.evidence ?? [],
    });
  }
  return normalizeItems([...by.values()]);
}

export async function returnSubmission(ctx: ServiceContext, p: Principal, id: string, input: ReturnInput) {
  const s = await loadForReview(ctx, p, id, 'return');
  const cycle = await loadCycle(ctx, s.cycleCode);
  const corrections = input.corrections ?? [];
  await ctx.db.transaction().execute(async (tx) => {
    const now = await lockSubmission(tx, id);
    if (!now) throw new AppError('NOT_FOUND', `there is no submission ${id}`);
    const to = target(p, 'return', now, input.version);
    const actor = actorOf(p);
    let version = now.version;
    if (corrections.length > 0) {
      const items = corrected(await versionItems(tx, id, now.version), corrections);
      const problems = checkSheet(requireInstrument(cycle), s.entity.level, {
        kind: s.kind,
        respondent: s.respondent,
        items,
      });
      if (problems.length > 0) {
        throw new AppError('VALIDATION_FAILED', problems.map((x) => `corrections: ${x.message}`).join('; '), {
          issues: problems,
        });
      }
      version = now.version + 1;
      const content = canonicalContent({ unitId: s.unit.id, kind: s.kind, respondent: s.respondent, items });
      await insertNextVersions(tx, to, [
        {
          sheetId: id,
          actor,
          authorId: p.userId,
          postId: null,
          version,
          baseVersion: now.version,
          items: JSON.stringify(packItems(items)),
          hash: createHash('sha256').update(content).digest('hex'),
          clientCreatedAt: null,
          gps: null,
          fromStatus: now.status,
        },
      ]);
    } else {
      await setSubmissionStatus(tx, id, { from: now.status, to, version, actor });
    }
    await insertComments(
      tx,
      input.comments.map((c) => ({
        submissionId: id,
        version: now.version,
        indicator: c.indicator ?? null,
        author: actor,
        authorId: p.userId,
        body: c.body,
      })),
    );
    await appendAudit(tx, {
      actor,
      action: 'submission.return',
      subject: `submission:${id}`,
      before: { status: now.status, version: now.version },
      after: {
        status: to,
        version,
        comments: input.comments.map((c) => ({ indicator: c.indicator ?? null, body: c.body })),
        ...(corrections.length > 0 ? { corrections } : {}),
      },
    });
  });
  return s;
}
