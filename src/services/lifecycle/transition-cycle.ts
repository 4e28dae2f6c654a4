import { appendAudit } from '../../db/repos/audit.ts';
import { type CycleRow, findCycleByYear, updateCycleStatus } from '../../db/repos/cycles.ts';
import { type CycleStatus, canMove, nextStatuses } from '../../domain/cycle/lifecycle.ts';
import { AppError } from '../../errors.ts';
import { canMoveCycle, ensure } from '../auth/policy.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';

/** Moves a cycle to its next status (see domain/cycle/lifecycle.ts), with an audit entry. */
export async function transitionCycle(
  ctx: ServiceContext,
  actor: Principal,
  year: number,
  to: CycleStatus,
): Promise<CycleRow> {
  ensure(actor, canMoveCycle(actor), 'move a cycle through its lifecycle');
  const cycle = await findCycleByYear(ctx.db, year);
  if (!cycle) throw new AppError('CYCLE_NOT_FOUND', `there is no ${year} cycle`);
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
