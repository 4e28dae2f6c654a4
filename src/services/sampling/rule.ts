/** The sampling rule of a cycle, and when a cycle's sample may still change. */
import { isOpenForFieldwork } from '../../domain/cycle/lifecycle.ts';
import type { SamplingRule } from '../../domain/sampling/draw.ts';
import { AppError } from '../../errors.ts';
import type { LoadedCycle } from '../cycles.ts';

/**
 * The instrument edition's `sampling` rule with its `serviceUsersPerUnit`, which the
 * cycle setting of the same name overrides.
 */
export function samplingRuleOf(cycle: LoadedCycle): SamplingRule {
  const inst = cycle.instrument;
  if (!inst) {
    throw new AppError(
      'VALIDATION_FAILED',
      `the ${cycle.year} cycle is known only by its published results and has no instrument, so it has no sampling rule`,
    );
  }
  if (inst.sampling.unitKinds.length === 0) {
    throw new AppError('VALIDATION_FAILED', `instrument ${inst.edition} names no unit kinds to sample`);
  }
  return {
    unitKinds: inst.sampling.unitKinds.map((k) => ({ kind: k.kind, count: k.count })),
    productsPerUnit: inst.sampling.productsPerUnit,
    serviceUsersPerUnit: cycle.settings.serviceUsersPerUnit ?? inst.serviceUsersPerUnit,
  };
}

/** Candidates and samples change while the cycle is being planned or assessed, not after. */
export function ensureSamplingOpen(cycle: LoadedCycle): void {
  if (!isOpenForFieldwork(cycle.status)) {
    throw new AppError('CYCLE_LOCKED', `the ${cycle.year} cycle is ${cycle.status}: its sample can no longer change`);
  }
}
