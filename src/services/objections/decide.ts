/**
 * Deciding an objection: the office head of the entity's province or central staff
 * accept it, with the corrected answers of that unit and indicator (by respondent
 * key), or reject it with reasons. Accepting changes the answers, recomputes the
 * entity's results and writes the audit entry with the answers and the entity score
 * before and after, all in one transaction (a concurrent decision rolls it back). In
 * a published cycle, findings that the new score brings up become follow-up items.
 * A decision may come after the window closed: the window limits filing only.
 */

import { upsertAnswers } from '../../db/repos/answers.ts';
import { appendAudit } from '../../db/repos/audit.ts';
import { decideObjection, listIndicatorAnswers } from '../../db/repos/objections.ts';
import { scaleMax } from '../../domain/scoring/score.ts';
import { AppError } from '../../errors.ts';
import { mayDecideObjection } from '../auth/follow-up-policy.ts';
import { ensure } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { requireInstrument } from '../cycles.ts';
import { authorOf } from '../follow-up/access.ts';
import { generateEntityFollowUpIn } from '../follow-up/generate.ts';
import { recomputeResults } from '../results/recompute.ts';
import { cycleResults } from '../results/results.ts';
import { type LoadedObjection, loadObjection, type ObjectionDetail, objectionDetail } from './view.ts';

export interface CorrectedAnswer {
  respondent: string;
  /** 0–3; null = not applicable */
  value: number | null;
}

async function loadOpen(ctx: ServiceContext, p: Principal, id: number, verb: string): Promise<LoadedObjection> {
  ensure(p, mayDecideObjection(p), `${verb} objections`);
  const x = await loadObjection(ctx, p, id);
  if (x.objection.status !== 'open') {
    throw new AppError('CONFLICT', `objection ${id} is already ${x.objection.status}`);
  }
  return x;
}

function requireReason(reason: string): string {
  const r = reason.trim();
  if (!r) throw new AppError('VALIDATION_FAILED', 'reason: give the reasons for the decision');
  return r;
}

const decidedElsewhere = (id: number) =>
  new AppError('CONFLICT', `objection ${id} was decided by someone else meanwhile; reload it`);

export async function acceptObjection(
  ctx: ServiceContext,
  p: Principal,
  id: number,
  input: { answers: readonly CorrectedAnswer[]; reason: string },
): Promise<ObjectionDetail> {
  const x = await loadOpen(ctx, p, id, 'decide');
  const { objection: o, cycle, entity } = x;
  const instrument = requireInstrument(cycle);
  const max = scaleMax(instrument, o.indicator);
  const outside = input.answers.filter((a) => a.value !== null && a.value > max);
  if (outside.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `answers: ${o.indicator} is answered from 0 to ${max} (or NA), not ${outside[0]?.value}`,
    );
  const reason = requireReason(input.reason);
  if (input.answers.length === 0)
    throw new AppError('VALIDATION_FAILED', 'answers: give at least one corrected answer');
  const keys = input.answers.map((a) => a.respondent.trim());
  const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (repeated.length > 0) {
    throw new AppError('VALIDATION_FAILED', `answers: respondent ${repeated[0] || '""'} appears more than once`);
  }
  const existing = await listIndicatorAnswers(ctx.db, o.cycleId, o.unitId, o.indicator);
  const known = new Set(existing.map((a) => a.respondent));
  const unknown = keys.filter((k) => known.size > 0 && !known.has(k));
  if (unknown.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `answers: ${unknown.map((k) => k || '""').join(', ')} did not answer ${o.indicator} in ${o.unitName}; its respondents are ${[...known].map((k) => k || '"" (observation)').join(', ')}`,
      { issues: [{ path: 'answers', message: 'unknown respondent' }], respondents: [...known] },
    );
  }
  const author = authorOf(p);
  await ctx.db.transaction().execute(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const scoreOf = async () => {
      const r = (await cycleResults(txCtx, cycle.code, { entity: entity.code })).results[0];
      return r ? { score: r.score, exact: r.exactScore, category: r.category } : null;
    };
    const beforeAnswers = await listIndicatorAnswers(tx, o.cycleId, o.unitId, o.indicator);
    const beforeScore = await scoreOf();
    await upsertAnswers(
      tx,
      cycle.id,
      {
        unitId: keys.map(() => o.unitId),
        indicator: keys.map(() => o.indicator),
        respondent: keys,
        value: input.answers.map((a) => a.value),
      },
      `${author.actor} (objection:${id})`,
      new Date(),
    );
    await recomputeResults(txCtx, cycle, [entity.id]);
    const afterAnswers = await listIndicatorAnswers(tx, o.cycleId, o.unitId, o.indicator);
    const afterScore = await scoreOf();
    const changed = new Set(keys);
    const correction = {
      unit: o.unitId,
      indicator: o.indicator,
      answers: {
        before: beforeAnswers.filter((a) => changed.has(a.respondent)),
        after: afterAnswers.filter((a) => changed.has(a.respondent)),
      },
      entityScore: { before: beforeScore, after: afterScore },
    };
    if (!(await decideObjection(tx, id, { status: 'accepted', reason, author, correction })))
      throw decidedElsewhere(id);
    // new findings first: audit appends come last (they hold the chain's lock until commit)
    if (cycle.status === 'published') await generateEntityFollowUpIn(txCtx, cycle, entity, p);
    await appendAudit(tx, {
      actor: author.actor,
      action: 'objection.accept',
      subject: `objection:${id}`,
      before: { status: 'open', unit: o.unitId, indicator: o.indicator, ...pick(correction, 'before') },
      after: { status: 'accepted', unit: o.unitId, indicator: o.indicator, reason, ...pick(correction, 'after') },
    });
  });
  return objectionDetail(ctx, await loadObjection(ctx, p, id));
}

function pick(
  c: { answers: Record<'before' | 'after', unknown>; entityScore: Record<'before' | 'after', unknown> },
  k: 'before' | 'after',
) {
  return { answers: c.answers[k], entityScore: c.entityScore[k] };
}

export async function rejectObjection(
  ctx: ServiceContext,
  p: Principal,
  id: number,
  input: { reason: string },
): Promise<ObjectionDetail> {
  await loadOpen(ctx, p, id, 'decide');
  const reason = requireReason(input.reason);
  const author = authorOf(p);
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await decideObjection(tx, id, { status: 'rejected', reason, author, correction: null })))
      throw decidedElsewhere(id);
    await appendAudit(tx, {
      actor: author.actor,
      action: 'objection.reject',
      subject: `objection:${id}`,
      before: { status: 'open' },
      after: { status: 'rejected', reason },
    });
  });
  return objectionDetail(ctx, await loadObjection(ctx, p, id));
}
