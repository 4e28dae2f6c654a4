/**
 * A cycle's results as people see them: score, category, opinion, zone, rank,
 * completeness and units. A published result (the Ombudsman's decree) is the
 * entity's result where one exists; otherwise the result computed from answers.
 */
import { type EntityRow, findEntityByCode } from '../../db/repos/entities.ts';
import {
  listComputedEntities,
  listComputedUnits,
  listPublishedEntities,
  listPublishedUnits,
} from '../../db/repos/results.ts';
import { readStoredResults } from '../../db/repos/stored-results.ts';
import { listUnits } from '../../db/repos/units.ts';
import type { Level, LocalText, Zone } from '../../domain/instrument/schema.ts';
import { bandFor } from '../../domain/scoring/bands.ts';
import { rankWithinGroups } from '../../domain/scoring/ranking.ts';
import { type Reconciliation, reconcilePublished } from '../../domain/scoring/reconcile.ts';
import { roundHalfUp } from '../../domain/scoring/rounding.ts';
import type { ServiceContext } from '../context.ts';
import { type CycleRef, type LoadedCycle, loadCycle } from '../cycles.ts';
import { type EntityResolver, loadResolver, resolveOrThrow } from '../registry/registry.ts';
import {
  type AwardView,
  holdView,
  loadMethodInputs,
  type MethodFields,
  methodFields,
  type PartView,
  type QualifierView,
} from './result-method.ts';

export interface UnitResultView {
  id: number;
  name: string;
  kind: string | null;
  /** the province of a vertical office; null otherwise */
  provinceCode: string | null;
  score: number | null;
  complete: boolean;
  dimensions: Array<{ code: string; score: number | null }>;
  /** a single unit's certificate: its band is an award, and whether it is withheld */
  award: AwardView | null;
}

export interface EntityResultView {
  entity: { code: string; name: string; level: Level; province: string | null; provinceCode: string | null };
  score: number;
  category: string | null;
  opinion: string;
  opinionText: LocalText;
  zone: Zone | null;
  /** the band's quality word (from 2025: "Baik", "Cukup", "Kurang"); null before */
  quality: LocalText | null;
  /** the parts of the score with their weights (from 2025); empty for one implicit part or a published score */
  parts: PartView[];
  trust: MethodFields['trust'];
  /** "Tanpa Maladministrasi" (from 2025); null for editions without the qualifier */
  qualifier: QualifierView | null;
  award: AwardView;
  complete: boolean;
  rank: number;
  provinceRank: number | null;
  source: 'published' | 'answers';
  synthetic: boolean;
  units: UnitResultView[];
  /** the unrounded score, for reconciliation */
  exactScore: number;
  /**
   * a published result with published units: the mean of the units beside the entity
   * score, which stands, and whether their difference is rounding (domain/scoring/reconcile.ts)
   */
  publishedUnits: Reconciliation | null;
}

export interface CycleResults {
  cycle: LoadedCycle;
  results: EntityResultView[];
}

interface Raw {
  entity: EntityRow;
  score: number;
  complete: boolean;
  source: 'published' | 'answers';
  units: UnitResultView[];
  synthetic: boolean;
  /** published unit scores as stored */
  publishedUnitScores: number[];
}

const round = (v: number | null) => (v === null ? null : roundHalfUp(v, 2));

async function rawResults(
  ctx: Pick<ServiceContext, 'db'>,
  cycle: LoadedCycle,
  resolver: EntityResolver,
): Promise<Raw[]> {
  const [published, publishedUnits, computed, computedUnits, units] = await Promise.all([
    listPublishedEntities(ctx.db, cycle.id),
    listPublishedUnits(ctx.db, cycle.id),
    listComputedEntities(ctx.db, cycle.id),
    listComputedUnits(ctx.db, cycle.id),
    listUnits(ctx.db, cycle.unitsCycleId),
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const out = new Map<number, Raw>();
  for (const c of computed) {
    const entity = resolver.byId(c.entityId);
    if (!entity || c.score === null) continue;
    out.set(c.entityId, {
      entity,
      score: c.score,
      complete: c.complete,
      source: 'answers',
      units: [],
      synthetic: false,
      publishedUnitScores: [],
    });
  }
  for (const u of computedUnits) {
    const raw = out.get(u.entityId);
    const unit = unitById.get(u.unitId);
    if (!raw || !unit) continue;
    raw.synthetic ||= unit.synthetic;
    raw.units.push({
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      provinceCode: unit.provinceCode,
      score: round(u.score),
      complete: u.complete,
      dimensions: u.dimensions.map((d) => ({ code: d.code, score: round(d.score) })),
      award: null,
    });
  }
  for (const p of published) {
    const entity = resolver.byId(p.entityId);
    if (!entity) continue;
    out.set(p.entityId, {
      entity,
      score: p.score,
      complete: true,
      source: 'published',
      units: [],
      synthetic: false,
      publishedUnitScores: [],
    });
  }
  for (const u of publishedUnits) {
    const raw = out.get(u.entityId);
    const unit = unitById.get(u.unitId);
    if (raw?.source !== 'published' || !unit) continue;
    raw.publishedUnitScores.push(u.score);
    raw.units.push({
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      provinceCode: unit.provinceCode,
      score: round(u.score),
      complete: true,
      dimensions: [],
      award: null,
    });
  }
  return [...out.values()];
}

/**
 * A cycle's results as stored when their inputs were written (stored-results.ts):
 * an indexed read that never re-scores or re-ranks the cycle. With `entity`, only
 * that entity's result (a code or a name as people write it).
 */
export async function cycleResults(
  ctx: ServiceContext,
  year: CycleRef,
  filter: { entity?: string } = {},
): Promise<CycleResults> {
  const cycle = await loadCycle(ctx, year);
  let entityId: number | undefined;
  if (filter.entity !== undefined) {
    const byCode = await findEntityByCode(ctx.db, filter.entity.trim().toUpperCase());
    entityId = (byCode ?? resolveOrThrow(await loadResolver(ctx), filter.entity)).id;
  }
  const views = await readStoredResults(ctx.db, cycle.id, entityId);
  return { cycle, results: views as unknown as EntityResultView[] };
}

/**
 * Scores, bands and ranks every entity of the cycle from its inputs (published
 * results take precedence over answers), best first. Only writers call this, to store
 * what readers then read (stored-results.ts).
 */
export async function computeResults(
  ctx: Pick<ServiceContext, 'db'>,
  cycle: LoadedCycle,
  resolver?: EntityResolver,
): Promise<EntityResultView[]> {
  resolver ??= await loadResolver(ctx);
  const [rawList, inputs] = await Promise.all([rawResults(ctx, cycle, resolver), loadMethodInputs(ctx, cycle)]);
  // the 2025 method: parts, qualifier, opinion, award (result-method.ts); earlier editions pass through
  const band = (score: number) => bandFor(cycle.bands, score);
  const raws = rawList.map((r) => {
    const m = methodFields(cycle, inputs, { entityId: r.entity.id, ...r }, band);
    const units = r.units.map((u) => {
      if (u.score === null) return u;
      const hold = inputs.holds.find((h) => h.unitId === u.id);
      return { ...u, award: { eligible: band(u.score).award, withheld: holdView(hold) } };
    });
    return { ...r, score: m.score, complete: m.complete, units, method: m };
  });
  const national = rankWithinGroups(raws.map((r) => ({ key: r.entity.code, score: r.score, group: r.entity.level })));
  const regional = rankWithinGroups(
    raws
      .filter((r) => r.entity.provinceCode !== null && r.entity.level !== 'provinsi')
      .map((r) => ({ key: r.entity.code, score: r.score, group: `${r.entity.provinceCode}` })),
  );
  const provinceName = new Map(
    resolver
      .all()
      .filter((e) => e.level === 'provinsi')
      .map((e) => [e.code, e.name.replace(/^Provinsi /, '')]),
  );
  const results: EntityResultView[] = raws.map((r) => {
    const band = bandFor(cycle.bands, r.score);
    return {
      entity: {
        code: r.entity.code,
        name: r.entity.name,
        level: r.entity.level,
        province: r.entity.provinceCode === null ? null : (provinceName.get(r.entity.provinceCode) ?? null),
        provinceCode: r.entity.provinceCode,
      },
      score: band.rounded,
      category: band.category,
      opinion: r.method.opinionText.id,
      opinionText: r.method.opinionText,
      zone: band.zone,
      quality: r.method.quality,
      parts: r.method.parts,
      trust: r.method.trust,
      qualifier: r.method.qualifier,
      award: r.method.award,
      complete: r.complete,
      rank: national.get(r.entity.code) ?? 0,
      provinceRank: regional.get(r.entity.code) ?? null,
      source: r.source,
      synthetic: r.synthetic,
      units: r.units,
      exactScore: r.score,
      publishedUnits: r.source === 'published' ? reconcilePublished(r.score, r.publishedUnitScores) : null,
    };
  });
  results.sort((a, b) => b.exactScore - a.exactScore || a.entity.code.localeCompare(b.entity.code));
  return results;
}
