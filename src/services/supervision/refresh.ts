import { listCycles } from '../../db/repos/cycles.ts';
import type { ServiceContext } from '../context.ts';
import { loadCycle } from '../cycles.ts';
import { refreshStoredResults } from '../results/stored-results.ts';

/**
 * The product register is not per cycle: every cycle whose edition has the qualifier
 * reads it, so a change re-stores each of them (inside the writer's transaction).
 */
export async function refreshQualifiedCycles(ctx: ServiceContext): Promise<string[]> {
  const out: string[] = [];
  for (const row of await listCycles(ctx.db)) {
    if (!row.edition || !ctx.catalog.editions.get(row.edition)?.qualifier) continue;
    await refreshStoredResults(ctx, await loadCycle(ctx, row.code));
    out.push(row.code);
  }
  return out;
}
