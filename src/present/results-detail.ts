/** The API's shapes for result pages: presentResult plus what a page needs to link and label. */
import type { Instrument } from '../domain/instrument/schema.ts';
import { describeInstrument } from '../services/instrument-view.ts';
import type { EntityResultDetail } from '../services/results/entity-result.ts';
import type { EntityResultView } from '../services/results/results.ts';
import type { UnitDetail } from '../services/results/unit-detail.ts';
import { presentResult } from './results.ts';

/**
 * presentResult (the fields of `patuh results --json`) with the opinion in both
 * languages and each unit's id, for links to the unit page.
 */
export function presentApiResult(r: EntityResultView) {
  const base = presentResult(r);
  return { ...base, opinionText: r.opinionText, units: r.units.map((u, i) => ({ id: u.id, ...base.units[i]! })) };
}

/** The names a page needs to label an explanation: dimensions → variables → indicators. */
export function presentInstrument(inst: Instrument | null) {
  return inst ? describeInstrument(inst, 'labels') : null;
}

export function presentEntityDetail(x: EntityResultDetail) {
  return {
    result: presentApiResult(x.result),
    explanation: x.explanation,
    instrument: presentInstrument(x.instrument),
    units: x.units,
    history: x.history,
  };
}

/** A unit page: every indicator with its answers and what it cost, in the instrument's order. */
export function presentUnitDetail(year: number, x: UnitDetail) {
  const answersOf = new Map<string, Array<{ respondent: string; value: number | null }>>();
  for (const a of x.answers) {
    const list = answersOf.get(a.indicator) ?? [];
    list.push({ respondent: a.respondent, value: a.value });
    answersOf.set(a.indicator, list);
  }
  const indicators = [];
  for (const d of x.instrument?.dimensions ?? []) {
    const dScore = x.scoring?.dimensions.find((s) => s.code === d.code);
    const dCost = x.explanation?.dimensions.find((s) => s.code === d.code);
    for (const v of d.variables) {
      const vScore = dScore?.variables.find((s) => s.code === v.code);
      const vCost = dCost?.variables.find((s) => s.code === v.code);
      for (const i of v.indicators) {
        const scored = vScore?.indicators.find((s) => s.code === i.code);
        indicators.push({
          code: i.code,
          dimension: d.code,
          variable: v.code,
          text: i.text,
          method: i.method,
          score: scored?.score ?? null,
          status: scored?.status ?? null,
          cost: vCost?.indicators.find((s) => s.code === i.code)?.cost ?? null,
          answers: answersOf.get(i.code) ?? [],
        });
      }
    }
  }
  return {
    cycle: year,
    unit: x.unit,
    entity: x.entity,
    source: x.source,
    score: x.result?.score ?? null,
    complete: x.result?.complete ?? null,
    dimensions: x.result?.dimensions ?? [],
    completeness: x.scoring?.completeness ?? null,
    explanation: x.explanation,
    instrument: presentInstrument(x.instrument),
    indicators,
  };
}
