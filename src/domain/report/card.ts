/**
 * What a report card (rapor) says, decided from a cycle's result and its explanation:
 * the findings (the indicators that cost the most points, each with what the service
 * standard requires), the per-dimension scores, and the comparison with the previous
 * cycle. Pure: numbers are taken as given (results and explanation are computed by
 * the scoring engine), only selected, ordered and compared here.
 */
import type { BandScheme, Instrument, Level, LocalText, Zone } from '../instrument/schema.ts';
import type { Explanation } from '../scoring/explain.ts';
import { toHundredths } from '../scoring/rounding.ts';

/** The part of a cycle result a card shows (services/results/results.ts EntityResultView fits it). */
export interface CardResult {
  entity: { code: string; name: string; level: Level; province: string | null };
  /** rounded half up to two decimals, as published */
  score: number;
  category: string | null;
  opinionText: LocalText;
  zone: Zone | null;
  quality?: LocalText | null;
  /** the parts of the score (from 2025); empty otherwise */
  parts?: ReadonlyArray<{ code: string; name: LocalText; weight: number; score: number | null }>;
  qualifier?: CardQualifier | null;
  award: { eligible: boolean; withheld: { reason: string; since: string } | null };
  complete: boolean;
  rank: number;
  provinceRank: number | null;
  source: 'published' | 'answers';
  synthetic: boolean;
  units: ReadonlyArray<{
    name: string;
    kind: string | null;
    score: number | null;
    complete: boolean;
    dimensions: ReadonlyArray<{ code: string; score: number | null }>;
  }>;
}

export interface CardQualifier {
  text: LocalText;
  granted: boolean;
  referenceDate: string;
  due: number;
  outstanding: ReadonlyArray<{ number: string; dueOn: string; status: string }>;
}

export interface CardInput {
  year: number;
  /** the cycle's status: a card of a cycle that is not published yet says it is a draft */
  status?: string;
  bands: BandScheme;
  instrument: Instrument | null;
  result: CardResult;
  /** null when only a published score is known */
  explanation: Explanation | null;
  /** how many entities of the same level have a result in the cycle (for "rank r of n") */
  levelCount: number;
  previous: {
    year: number;
    bands: BandScheme;
    result: Pick<CardResult, 'score' | 'category' | 'opinionText' | 'zone'>;
  } | null;
}

export interface Finding {
  indicator: string;
  text: string;
  requirement: string;
  dimension: string;
  variable: string;
  /** the indicator's mean score over the units where it was scored (unrounded) */
  score: number | null;
  /** points of the entity score this indicator cost (unrounded) */
  cost: number;
}

export interface DimensionLine {
  code: string;
  name: string;
  weight: number;
  /** mean of the units' dimension scores (unrounded); null when none was scored */
  score: number | null;
}

export interface Comparison {
  year: number;
  score: number;
  category: string | null;
  opinion: string;
  zone: Zone | null;
  /** current − previous on the published (rounded) scores, in hundredths */
  changeHundredths: number;
  /** the previous cycle used another band scheme (e.g. zones only, up to 2021) */
  schemeChanged: boolean;
}

export interface ReportCardModel {
  year: number;
  schemeName: string;
  /** the cycle's status when it is not published (the card is then a draft); null when published */
  draftStatus: string | null;
  entity: CardResult['entity'];
  score: number;
  category: string | null;
  opinion: string;
  zone: Zone | null;
  /** the quality word (from 2025); null before */
  quality: string | null;
  /** the parts of the score (from 2025); empty otherwise */
  parts: ReadonlyArray<{ name: string; weight: number; score: number | null }>;
  qualifier: CardQualifier | null;
  /** the report card is withheld (ditahan): the reason; null when not */
  withheld: string | null;
  complete: boolean;
  rank: number;
  levelCount: number;
  provinceRank: number | null;
  synthetic: boolean;
  /** false: known only by a published score, so no findings and no dimensions */
  detailed: boolean;
  dimensions: DimensionLine[];
  units: CardResult['units'];
  findings: Finding[];
  previous: Comparison | null;
}

export const DEFAULT_FINDINGS = 5;

/** The indicators that cost the most points, costliest first; indicators that cost nothing are not findings. */
export function selectFindings(instrument: Instrument, explanation: Explanation, limit = DEFAULT_FINDINGS): Finding[] {
  const out: Finding[] = [];
  for (const c of explanation.costliest) {
    if (out.length >= limit) break;
    if (c.score === null || !(c.cost > 0)) continue;
    const d = instrument.dimensions.find((x) => x.code === c.dimension);
    const v = d?.variables.find((x) => x.code === c.variable);
    const i = v?.indicators.find((x) => x.code === c.code);
    if (!d || !v || !i) continue;
    out.push({
      indicator: c.code,
      text: i.text.id,
      requirement: i.requirement.id,
      dimension: d.name.id,
      variable: v.name.id,
      score: c.score,
      cost: c.cost,
    });
  }
  return out;
}

export function compareWithPrevious(
  current: { score: number; bands: BandScheme },
  previous: CardInput['previous'],
): Comparison | null {
  if (!previous) return null;
  const p = previous.result;
  return {
    year: previous.year,
    score: p.score,
    category: p.category,
    opinion: p.opinionText.id,
    zone: p.zone,
    changeHundredths: toHundredths(current.score) - toHundredths(p.score),
    schemeChanged: previous.bands.scheme !== current.bands.scheme,
  };
}

export function buildCardModel(input: CardInput, findingsLimit = DEFAULT_FINDINGS): ReportCardModel {
  const { result: r, instrument, explanation } = input;
  const detailed = r.source === 'answers' && instrument !== null && explanation !== null;
  const dimensions: DimensionLine[] =
    detailed && instrument && explanation
      ? instrument.dimensions.map((d) => ({
          code: d.code,
          name: d.name.id,
          weight: d.weight,
          score: explanation.dimensions.find((x) => x.code === d.code)?.score ?? null,
        }))
      : [];
  return {
    year: input.year,
    schemeName: input.bands.name.id,
    draftStatus: input.status === undefined || input.status === 'published' ? null : input.status,
    entity: r.entity,
    score: r.score,
    category: r.category,
    opinion: r.opinionText.id,
    zone: r.zone,
    quality: r.quality?.id ?? null,
    parts: (r.parts ?? []).map((p) => ({ name: p.name.id, weight: p.weight, score: p.score })),
    qualifier: r.qualifier ?? null,
    withheld: r.award.withheld?.reason ?? null,
    complete: r.complete,
    rank: r.rank,
    levelCount: input.levelCount,
    provinceRank: r.provinceRank,
    synthetic: r.synthetic,
    detailed,
    dimensions,
    units: r.units,
    findings: detailed && instrument && explanation ? selectFindings(instrument, explanation, findingsLimit) : [],
    previous: compareWithPrevious({ score: r.score, bands: input.bands }, input.previous),
  };
}
