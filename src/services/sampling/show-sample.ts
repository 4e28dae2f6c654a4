/** An entity's stored sample for a cycle, as drawn, with who drew it and when. */
import { findSample } from '../../db/repos/sampling.ts';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import { type CycleRef, loadCycle } from '../cycles.ts';
import { loadResolver, resolveOrThrow } from '../registry/registry.ts';
import { presentSample, type SampleView } from './present.ts';

export interface StoredSampleView extends SampleView {
  drawnBy: string;
  drawnAt: string;
}

export async function showEntitySample(
  ctx: ServiceContext,
  ref: CycleRef,
  entityName: string,
): Promise<StoredSampleView> {
  const cycle = await loadCycle(ctx, ref);
  const year = cycle.year;
  const entity = resolveOrThrow(await loadResolver(ctx), entityName);
  const s = await findSample(ctx.db, cycle.id, entity.id);
  if (!s) {
    throw new AppError(
      'NOT_FOUND',
      `${entity.name} has no ${year} sample yet (draw one: patuh sample draw --cycle ${year} --entity "${entity.name}" --seed S)`,
    );
  }
  return {
    ...presentSample(year, { code: entity.code, name: entity.name }, s),
    drawnBy: s.drawnBy,
    drawnAt: s.drawnAt.toISOString(),
  };
}
