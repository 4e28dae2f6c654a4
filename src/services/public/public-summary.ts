/**
 * A published cycle at a glance: how its results spread over categories and zones,
 * nationally, per level and per province (the public dashboard and its map).
 */
import { type Distribution, distribute } from '../../domain/scoring/distribution.ts';
import type { ServiceContext } from '../context.ts';
import type { LoadedCycle } from '../cycles.ts';
import { loadResolver } from '../registry/registry.ts';
import { cycleResults } from '../results/results.ts';
import { loadPublicCycle } from './public-cycles.ts';

export interface PublicSummary extends Distribution {
  cycle: LoadedCycle;
  /** province code → name without "Provinsi", every province of the registry */
  provinceNames: ReadonlyMap<string, string>;
}

export async function publicSummary(ctx: ServiceContext, year: number): Promise<PublicSummary> {
  await loadPublicCycle(ctx, year);
  const { cycle, results } = await cycleResults(ctx, year);
  const provinces = (await loadResolver(ctx))
    .all()
    .filter((e) => e.level === 'provinsi')
    .sort((a, b) => a.code.localeCompare(b.code));
  const categories = cycle.bands.bands.flatMap((b) => (b.category === null ? [] : [b.category]));
  return {
    cycle,
    provinceNames: new Map(provinces.map((p) => [p.code, p.name.replace(/^Provinsi /, '')])),
    ...distribute(
      results,
      [...new Set(categories)],
      provinces.map((p) => p.code),
    ),
  };
}
