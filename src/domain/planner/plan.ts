/**
 * The smallest-effort plan that reaches a target (the next category, a score, or the top
 * category). Gains add up exactly (gains.ts), so this is a multiple-choice knapsack: per
 * (unit, indicator) choose how many levels to raise (0..headroom) at cost levels × effort,
 * minimise the total effort subject to the rounded entity score reaching the target.
 * Solved exactly by dynamic programming over integer effort (plan.test.ts compares it
 * against brute force). Efforts: effort.ts.
 */
import type { BandScheme, Instrument, LocalText } from '../instrument/schema.ts';
import { roundHalfUp, toHundredths } from '../scoring/rounding.ts';
import { type Effort, type EffortOverrides, type EffortTable, effortOf } from './effort.ts';
import { gainOf, type IndicatorGain, indicatorGains, type PlanInput, scoreAnswers } from './gains.ts';

export type Target = { kind: 'next_category' } | { kind: 'score'; score: number } | { kind: 'top' };

export interface PlanItem {
  unit: string;
  indicator: string;
  levels: number;
  gain: number;
  effort: Effort & { source: 'entity' | 'instrument' };
  cost: number;
}

export interface PlanNote {
  code: 'trust_not_plannable' | 'qualifier_needs_products';
  text: LocalText;
}

export interface Plan {
  current: number;
  /** the target score in the displayed (rounded) form */
  target: number;
  reachable: boolean;
  items: PlanItem[];
  gain: number;
  predicted: number;
  cost: number;
  notes: PlanNote[];
}

/** The target score in hundredths for a kind of target, from the band scheme. */
export function targetHundredths(scheme: BandScheme, current: number, target: Target): number {
  if (target.kind === 'score') return toHundredths(target.score);
  const mins = scheme.bands.map((b) => Math.round(b.min * 100)).sort((a, b) => b - a);
  if (target.kind === 'top') return mins[0] ?? 10000;
  const h = toHundredths(current);
  const above = mins.filter((m) => m > h);
  return above.length === 0 ? h : (above[above.length - 1] as number);
}

function notesFor(instrument: Instrument): PlanNote[] {
  const notes: PlanNote[] = [];
  if (instrument.parts?.some((p) => p.from === 'trust'))
    notes.push({
      code: 'trust_not_plannable',
      text: {
        id: 'Bagian kepercayaan publik (survei masyarakat) tidak dapat direncanakan dengan dokumen; rencana ini hanya menaikkan bagian dimensi.',
        en: 'The public-trust part (the public surveys) cannot be planned by paperwork; this plan only raises the dimensions part.',
      },
    });
  if (instrument.qualifier)
    notes.push({
      code: 'qualifier_needs_products',
      text: {
        id: '"Tanpa Maladministrasi" hanya diberikan bila produk Ombudsman (LAHP, LHA, Saran, Rekomendasi) yang jatuh tempo telah dilaksanakan.',
        en: '"Tanpa Maladministrasi" needs the Ombudsman\'s due products (LAHP, LHA, advice, Recommendations) carried out.',
      },
    });
  return notes;
}

interface Choice {
  g: IndicatorGain;
  effort: Effort & { source: 'entity' | 'instrument' };
  options: Array<{ levels: number; gain: number; cost: number }>;
}

/** The minimum-effort plan; unreachable targets return the plan of every possible raise. */
export function planFor(
  input: PlanInput,
  scheme: BandScheme,
  target: Target,
  efforts: Pick<EffortTable, 'default' | 'byVariable' | 'byIndicator'>,
  overrides?: EffortOverrides,
): Plan {
  const base = scoreAnswers(input);
  if (base.score === null) throw new RangeError('the entity has no score yet: answer at least one indicator');
  const current = base.score;
  const goal = targetHundredths(scheme, current, target);
  const unitIndex = new Map(input.units.map((u, k) => [u.unit, k]));
  const at = (g: IndicatorGain, l: number) => gainOf(input, base, unitIndex.get(g.unit) ?? -1, g.indicator, l);
  const choices: Choice[] = indicatorGains(input).map((g) => {
    const effort = effortOf(efforts, input.instrument, g.indicator, overrides);
    if (!Number.isInteger(effort.cost) || effort.cost <= 0)
      throw new RangeError(`effort of ${g.indicator} must be a positive whole number`);
    const options = [];
    for (let l = 1; l <= g.headroom; l++) {
      const gain = l === 1 ? g.oneLevel : l === g.headroom ? g.allLevels : at(g, l);
      options.push({ levels: l, gain, cost: l * effort.cost });
    }
    return { g, effort, options };
  });
  const reaches = (gain: number) => toHundredths(current + gain) >= goal;
  // best[c] = the largest gain for total effort exactly ≤ c; pick[k][c] = levels chosen for choice k
  const maxCost = choices.reduce((s, c) => s + (c.options[c.options.length - 1]?.cost ?? 0), 0);
  let best = new Float64Array(maxCost + 1);
  const picks: Int16Array[] = [];
  for (const ch of choices) {
    const next = Float64Array.from(best);
    const pick = new Int16Array(maxCost + 1);
    for (let c = 0; c <= maxCost; c++)
      for (const o of ch.options) {
        if (o.cost > c) break;
        const v = (best[c - o.cost] as number) + o.gain;
        if (v > (next[c] as number) + 1e-12) {
          next[c] = v;
          pick[c] = o.levels;
        }
      }
    picks.push(pick);
    best = next;
  }
  let budget = -1;
  for (let c = 0; c <= maxCost; c++)
    if (reaches(best[c] as number)) {
      budget = c;
      break;
    }
  const reachable = budget >= 0;
  const items: PlanItem[] = [];
  let c = reachable ? budget : maxCost;
  for (let k = choices.length - 1; k >= 0; k--) {
    const ch = choices[k] as Choice;
    const levels = picks[k]?.[c] ?? 0;
    if (levels === 0) continue;
    const o = ch.options[levels - 1] as { levels: number; gain: number; cost: number };
    items.push({ unit: ch.g.unit, indicator: ch.g.indicator, levels, gain: o.gain, effort: ch.effort, cost: o.cost });
    c -= o.cost;
  }
  items.reverse();
  const gain = items.reduce((s, i) => s + i.gain, 0);
  return {
    current,
    target: goal / 100,
    reachable,
    items,
    gain,
    predicted: roundHalfUp(current + gain, 2),
    cost: items.reduce((s, i) => s + i.cost, 0),
    notes: notesFor(input.instrument),
  };
}
