/** The cycles a principal may see: every cycle for staff, published ones for officials and the public. */
import { type CycleRow, listCycles } from '../../db/repos/cycles.ts';
import { AppError } from '../../errors.ts';
import { canSeeCycle } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { type CycleRef, type LoadedCycle, loadCycleRow, type ResolveOptions, resolveAssessment } from '../cycles.ts';

export async function listVisibleCycles(ctx: ServiceContext, p: Principal): Promise<CycleRow[]> {
  return (await listCycles(ctx.db)).filter((c) => canSeeCycle(p, c));
}

/**
 * Loads a cycle the principal may see. A cycle it may not see is "not found", with
 * the same message as a year that has no cycle, listing only the cycles it may see.
 */
export async function loadVisibleCycle(
  ctx: ServiceContext,
  p: Principal,
  year: CycleRef,
  opts: ResolveOptions = {},
): Promise<LoadedCycle> {
  const row = await resolveAssessment(ctx, year, opts).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'CYCLE_NOT_FOUND') return undefined;
    throw e;
  });
  if (!row || !canSeeCycle(p, row)) {
    const known = (await listVisibleCycles(ctx, p)).map((c) => c.code).join(', ');
    throw new AppError('CYCLE_NOT_FOUND', `there is no ${year} cycle; known cycles: ${known || 'none'}`);
  }
  return loadCycleRow(ctx, row);
}
