/**
 * Checks a sheet's answers against the cycle's instrument before it is stored:
 * every indicator exists, is collected by the sheet's kind (its method), applies to
 * the entity's level, is answered once, with a value on its scale or null (not
 * applicable). Interviews name their respondent.
 */
import { INTERVIEW_METHODS, type Indicator, type Instrument, type Level } from '../instrument/schema.ts';
import { appliesToLevel } from '../scoring/score.ts';
import type { SubmissionItem, SubmissionKind } from './submission.ts';

export interface SheetProblem {
  /** where, as a request path: "items[3].indicator" */
  path: string;
  message: string;
}

const indexes = new WeakMap<Instrument, ReadonlyMap<string, Indicator>>();

/** The instrument's indicators by code (built once per instrument). */
export function indicatorIndex(instrument: Instrument): ReadonlyMap<string, Indicator> {
  let index = indexes.get(instrument);
  if (!index) {
    const m = new Map<string, Indicator>();
    for (const d of instrument.dimensions) for (const v of d.variables) for (const i of v.indicators) m.set(i.code, i);
    index = m;
    indexes.set(instrument, index);
  }
  return index;
}

const scaleMax = (i: Indicator) => i.scale.reduce((m, s) => Math.max(m, s.value), 0);

export function checkSheet(
  instrument: Instrument,
  level: Level,
  sheet: {
    kind: SubmissionKind;
    respondent: string;
    items: ReadonlyArray<Pick<SubmissionItem, 'indicator' | 'value'>>;
  },
): SheetProblem[] {
  const problems: SheetProblem[] = [];
  if (INTERVIEW_METHODS.has(sheet.kind) && sheet.respondent === '') {
    problems.push({ path: 'respondent', message: `a ${sheet.kind} names its respondent (e.g. R1)` });
  }
  const index = indicatorIndex(instrument);
  const seen = new Set<string>();
  sheet.items.forEach((item, k) => {
    const path = `items[${k}]`;
    const ind = index.get(item.indicator);
    if (!ind) {
      problems.push({
        path: `${path}.indicator`,
        message: `${item.indicator} is not an indicator of ${instrument.edition}`,
      });
      return;
    }
    if (seen.has(item.indicator)) {
      problems.push({ path: `${path}.indicator`, message: `${item.indicator} is answered more than once` });
    }
    seen.add(item.indicator);
    if (ind.method !== sheet.kind) {
      problems.push({
        path: `${path}.indicator`,
        message: `${item.indicator} is collected by ${ind.method}, not on a ${sheet.kind} sheet`,
      });
    }
    if (!appliesToLevel(ind, level)) {
      problems.push({ path: `${path}.indicator`, message: `${item.indicator} does not apply to a ${level}` });
    }
    const max = scaleMax(ind);
    if (item.value !== null && !(Number.isInteger(item.value) && item.value >= 0 && item.value <= max)) {
      problems.push({ path: `${path}.value`, message: `a value is 0 to ${max}, or null for not applicable` });
    }
  });
  return problems;
}
