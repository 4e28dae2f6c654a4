/**
 * Finding an entity on the public dashboard: the entities with a result in a
 * published cycle whose name, alias or code matches what was typed. Names are
 * compared as the registry compares them (domain/registry/names.ts normalizeName:
 * "kab bogor" finds Kabupaten Bogor, "pemkot bekasi" Kota Bekasi).
 */
import { normalizeName } from '../../domain/registry/names.ts';
import type { ServiceContext } from '../context.ts';
import { loadResolver } from '../registry/registry.ts';
import { cycleResults, type EntityResultView } from '../results/results.ts';
import { loadPublicCycle } from './public-cycles.ts';

export interface PublicSearch {
  rows: EntityResultView[];
  /** how many matched in all (rows holds at most the limit) */
  total: number;
}

export async function searchPublicResults(
  ctx: ServiceContext,
  year: number,
  query: string,
  limit: number,
): Promise<PublicSearch> {
  await loadPublicCycle(ctx, year);
  const [{ results }, resolver] = await Promise.all([cycleResults(ctx, year), loadResolver(ctx)]);
  const needle = normalizeName(query);
  const code = query.trim();
  if (!needle && !code) return { rows: [], total: 0 };
  const names = new Map(resolver.all().map((e) => [e.code, [e.name, ...e.aliases].map(normalizeName)] as const));
  const scored: Array<{ r: EntityResultView; weight: number }> = [];
  for (const r of results) {
    const own = names.get(r.entity.code) ?? [normalizeName(r.entity.name)];
    let weight = -1;
    if (r.entity.code === code) weight = 0;
    else if (needle && own.some((n) => n === needle)) weight = 1;
    else if (needle && own.some((n) => n.split(' ').some((_, i, w) => w.slice(i).join(' ').startsWith(needle))))
      weight = 2;
    else if (needle && own.some((n) => n.includes(needle))) weight = 3;
    else if (code && r.entity.code.startsWith(code)) weight = 4;
    if (weight >= 0) scored.push({ r, weight });
  }
  scored.sort((a, b) => a.weight - b.weight || a.r.entity.name.localeCompare(b.r.entity.name, 'id'));
  return { rows: scored.slice(0, limit).map((s) => s.r), total: scored.length };
}
