import { appendAudit } from '../../db/repos/audit.ts';
import { type CycleRow, markCycleFinal, updateCycleStatus } from '../../db/repos/cycles.ts';
import { type CycleStatus, canMove, nextStatuses } from '../../domain/cycle/lifecycle.ts';
import { AppError } from '../../errors.ts';
import { canMoveCycle, ensure } from '../auth/policy.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { type CycleRef, loadCycleRow, resolveAssessment } from '../cycles.ts';
import { generateCycleFollowUp } from '../follow-up/generate.ts';

/**
 * Moves a cycle to its next status (see domain/cycle/lifecycle.ts), with an audit entry.
 * Moving to final records when results went to the entities (the objection window
 * opens); publishing turns every entity's findings into follow-up items, in the
 * same transaction.
 */
export async function transitionCycle(
  ctx: ServiceContext,
  actor: Principal,
  ref: CycleRef,
  to: CycleStatus,
): Promise<CycleRow> {
  ensure(actor, canMoveCycle(actor), 'move a cycle through its lifecycle');
  const cycle = await resolveAssessment(ctx, ref);
  const year = cycle.code;
  const from = cycle.status;
  if (!canMove(from, to)) {
    const allowed = nextStatuses(from);
    throw new AppError(
      'INVALID_TRANSITION',
      `the ${year} cycle is ${from}; it can move to ${allowed.length ? allowed.join(' or ') : 'nothing (published is final)'}, not to ${to}`,
      { from, to, allowed },
    );
  }
  return ctx.db.transaction().execute(async (tx) => {
    const moved = await updateCycleStatus(tx, cycle.id, from, to);
    if (!moved)
      throw new AppError('CONFLICT', `the ${year} cycle changed while you were moving it; reload and try again`);
    if (to === 'final') await markCycleFinal(tx, cycle.id);
    if (to === 'published') {
      const txCtx = { ...ctx, db: tx };
      await generateCycleFollowUp(txCtx, loadCycleRow(txCtx, cycle), actor);
    }
    await appendAudit(tx, {
      actor: actorOf(actor),
      action: 'cycle.transition',
      subject: `cycle:${year}`,
      before: { status: from },
      after: { status: to },
    });
    return moved;
  });
}
