/**
 * The public dashboard's cycles: published ones only, whoever asks. Visibility is the
 * public's (policy.ts canSeeCycle with no role), so an unpublished cycle answers
 * exactly as a year without a cycle, even to a signed-in admin: the dashboard shows
 * what the public sees.
 */
import { listEntities } from '../../db/repos/entities.ts';
import { listComputedEntities, listPublishedEntities } from '../../db/repos/results.ts';
import { ANONYMOUS } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import type { LoadedCycle } from '../cycles.ts';
import { listVisibleCycles, loadVisibleCycle } from '../lifecycle/visible-cycles.ts';

export interface PublicCycleInfo {
  year: number;
  edition: string | null;
  bandScheme: string;
  /** entities with a result (published, else computed from answers), as cycleResults counts them */
  entities: number;
}

/** A published cycle, or CYCLE_NOT_FOUND worded as for a year that has none. */
export function loadPublicCycle(ctx: ServiceContext, year: number): Promise<LoadedCycle> {
  return loadVisibleCycle(ctx, ANONYMOUS, year);
}

export async function listPublicCycles(ctx: ServiceContext): Promise<PublicCycleInfo[]> {
  const cycles = await listVisibleCycles(ctx, ANONYMOUS);
  const active = new Set((await listEntities(ctx.db)).map((e) => e.id));
  return Promise.all(
    cycles.map(async (c) => {
      const [published, computed] = await Promise.all([
        listPublishedEntities(ctx.db, c.id),
        listComputedEntities(ctx.db, c.id),
      ]);
      const ids = new Set([
        ...published.map((p) => p.entityId),
        ...computed.filter((e) => e.score !== null).map((e) => e.entityId),
      ]);
      const entities = [...ids].filter((id) => active.has(id)).length;
      return { year: c.year, edition: c.edition, bandScheme: c.bandScheme, entities };
    }),
  );
}
