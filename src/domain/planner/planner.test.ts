import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BandScheme, Instrument } from '../instrument/schema.ts';
import { allCodes, testInstrument } from '../scoring/fixtures.test-util.ts';
import { roundHalfUp, toHundredths } from '../scoring/rounding.ts';
import type { EffortTable } from './effort.ts';
import { applyRaises, indicatorGains, type PlanInput, scoreAnswers } from './gains.ts';
import { planFor } from './plan.ts';

const scheme: BandScheme = {
  scheme: 'test',
  bands: [
    { min: 88, category: 'A', opinion: { id: 'A', en: 'A' }, zone: null },
    { min: 78, category: 'B', opinion: { id: 'B', en: 'B' }, zone: null },
    { min: 54, category: 'C', opinion: { id: 'C', en: 'C' }, zone: null },
    { min: 0, category: 'D', opinion: { id: 'D', en: 'D' }, zone: null },
  ],
} as unknown as BandScheme;

const t = (s: string) => ({ id: s, en: s });
const scale = [0, 1, 2, 3].map((value) => ({ value, ...t(`v${value}`) }));
const ind = (code: string) => ({
  code,
  text: t(code),
  method: 'observation' as const,
  respondents: 1 as const,
  evidence: 'none' as const,
  requirement: t('r'),
  scale,
});
/** A small instrument: 2 dimensions, 3 indicators, unequal weights; with the 2025 parts when `trust`. */
function small(trust: boolean): Instrument {
  return {
    ...testInstrument,
    dimensions: [
      {
        code: 'D1',
        name: t('D1'),
        weight: 30,
        variables: [{ code: 'V1', name: t('V1'), weight: 1, indicators: [ind('A'), ind('B')] }],
      },
      {
        code: 'D2',
        name: t('D2'),
        weight: 70,
        variables: [{ code: 'V2', name: t('V2'), weight: 1, indicators: [ind('C')] }],
      },
    ],
    ...(trust
      ? {
          parts: [
            { code: 'KUALITAS', name: t('k'), weight: 70, from: 'dimensions' as const },
            { code: 'KEPERCAYAAN', name: t('p'), weight: 30, from: 'trust' as const },
          ],
        }
      : {}),
  } as Instrument;
}

const value = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 3 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

function answersFor(codes: readonly string[]) {
  // 1–3 respondents per indicator, each answer 0..3 or NA
  return fc
    .array(fc.array(value, { minLength: 1, maxLength: 3 }), { minLength: codes.length, maxLength: codes.length })
    .map((per) => per.flatMap((vals, i) => vals.map((v) => ({ indicator: codes[i] as string, value: v }))));
}

const bigInput = fc
  .record({
    units: fc.array(answersFor(allCodes), { minLength: 1, maxLength: 3 }),
    trust: fc.option(fc.integer({ min: 0, max: 10000 }).map((h) => h / 100)),
    withParts: fc.boolean(),
  })
  .map(
    ({ units, trust, withParts }): PlanInput => ({
      instrument: withParts ? ({ ...testInstrument, parts: small(true).parts } as Instrument) : testInstrument,
      level: 'kabupaten',
      trust,
      units: units.map((answers, k) => ({ unit: `U${k}`, answers })),
    }),
  );

describe('indicator gains', () => {
  it('each gain equals a re-score of the changed answers, to the hundredth', () => {
    fc.assert(
      fc.property(bigInput, (input) => {
        const base = scoreAnswers(input).score;
        if (base === null) return;
        for (const g of indicatorGains(input)) {
          for (const [levels, gain] of [
            [1, g.oneLevel],
            [g.headroom, g.allLevels],
          ] as const) {
            const after = scoreAnswers(applyRaises(input, [{ unit: g.unit, indicator: g.indicator, levels }]))
              .score as number;
            expect(Math.abs(after - base - gain)).toBeLessThan(1e-9);
            expect(roundHalfUp(base + gain)).toBe(roundHalfUp(after));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gains of several raises add up exactly (the method is linear once the scored parts are fixed)', () => {
    fc.assert(
      fc.property(bigInput, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const base = scoreAnswers(input).score;
        if (base === null) return;
        const gains = indicatorGains(input).filter((_, i) => (i * 7 + seed) % 3 === 0);
        const raises = gains.map((g) => ({ unit: g.unit, indicator: g.indicator, levels: g.headroom }));
        const after = scoreAnswers(applyRaises(input, raises)).score as number;
        const sum = gains.reduce((s, g) => s + g.allLevels, 0);
        expect(Math.abs(after - base - sum)).toBeLessThan(1e-9);
      }),
      { numRuns: 40 },
    );
  });

  it('an indicator at the top of the scale or all NA is not offered', () => {
    const input: PlanInput = {
      instrument: small(false),
      level: 'kabupaten',
      units: [
        {
          unit: 'U',
          answers: [
            { indicator: 'A', value: 3 },
            { indicator: 'B', value: null },
            { indicator: 'C', value: 1 },
          ],
        },
      ],
    };
    const gains = indicatorGains(input);
    expect(gains.map((g) => g.indicator)).toEqual(['C']);
    // C carries the D2 weight alone: 70/100 of the unit; 1 → 2 is +33.33 indicator points
    expect(gains[0]?.oneLevel).toBeCloseTo((70 / 100) * (100 / 3), 9);
  });
});

const efforts: EffortTable = { edition: 'x', source: 'test', default: { kind: 'document', cost: 1 }, inferred: true };

describe('minimum-effort plan', () => {
  const smallInput = fc
    .record({
      units: fc.array(answersFor(['A', 'B', 'C']), { minLength: 1, maxLength: 2 }),
      costs: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 3, maxLength: 3 }),
      trust: fc.option(fc.integer({ min: 0, max: 100 })),
      withParts: fc.boolean(),
      target: fc.integer({ min: 0, max: 10000 }).map((h) => h / 100),
    })
    .filter(({ units }) => units.every((u) => u.length <= 6));

  it('equals brute force over every combination of raises on small instruments', () => {
    fc.assert(
      fc.property(smallInput, ({ units, costs, trust, withParts, target }) => {
        const input: PlanInput = {
          instrument: small(withParts),
          level: 'kabupaten',
          trust,
          units: units.map((answers, k) => ({ unit: `U${k}`, answers })),
        };
        const base = scoreAnswers(input).score;
        if (base === null) return;
        const byIndicator = {
          A: { kind: 'training' as const, cost: costs[0] as number },
          B: { kind: 'facility' as const, cost: costs[1] as number },
        };
        const overrides = { C: { kind: 'procedure' as const, cost: costs[2] as number } };
        const plan = planFor(input, scheme, { kind: 'score', score: target }, { ...efforts, byIndicator }, overrides);
        const cost = (code: string) => (code === 'A' ? costs[0] : code === 'B' ? costs[1] : costs[2]) as number;
        // brute force: every levels vector over the offered (unit, indicator) pairs, re-scored
        const gains = indicatorGains(input);
        let bestCost = Number.POSITIVE_INFINITY;
        const levels = gains.map(() => 0);
        const walk = (k: number): void => {
          if (k === gains.length) {
            const raises = gains.map((g, i) => ({ unit: g.unit, indicator: g.indicator, levels: levels[i] as number }));
            const s = scoreAnswers(applyRaises(input, raises)).score as number;
            const c = gains.reduce((sum, g, i) => sum + (levels[i] as number) * cost(g.indicator), 0);
            if (toHundredths(s) >= toHundredths(target) && c < bestCost) bestCost = c;
            return;
          }
          for (let l = 0; l <= (gains[k]?.headroom ?? 0); l++) {
            levels[k] = l;
            walk(k + 1);
          }
          levels[k] = 0;
        };
        walk(0);
        if (bestCost === Number.POSITIVE_INFINITY) {
          expect(plan.reachable).toBe(false);
          return;
        }
        expect(plan.reachable).toBe(true);
        expect(plan.cost).toBe(bestCost);
        const after = scoreAnswers(applyRaises(input, plan.items)).score as number;
        expect(toHundredths(after)).toBeGreaterThanOrEqual(toHundredths(target));
        expect(plan.predicted).toBe(roundHalfUp(after));
      }),
      { numRuns: 80 },
    );
  });

  it('targets the next category and the top category from the band scheme, and says what paperwork cannot do in 2025', () => {
    const input: PlanInput = {
      instrument: {
        ...small(true),
        qualifier: { text: t('Tanpa Maladministrasi'), referenceDate: { month: 12, day: 31 } },
      } as Instrument,
      level: 'kabupaten',
      trust: 80,
      units: [{ unit: 'U', answers: ['A', 'B', 'C'].map((indicator) => ({ indicator, value: 1 })) }],
    };
    // dimensions 33.33 × 0.7 + 80 × 0.3 = 47.33: D; next category C (54)
    const next = planFor(input, scheme, { kind: 'next_category' }, efforts);
    expect(next.target).toBe(54);
    expect(next.reachable).toBe(true);
    expect(toHundredths(next.current + next.gain)).toBeGreaterThanOrEqual(5400);
    const top = planFor(input, scheme, { kind: 'top' }, efforts);
    expect(top.target).toBe(88);
    // at most 100 × 0.7 + 80 × 0.3 = 94 reachable by the dimensions
    expect(top.reachable).toBe(true);
    expect(top.notes.map((n) => n.code)).toEqual(['trust_not_plannable', 'qualifier_needs_products']);
    const low: PlanInput = { ...input, trust: 10 };
    expect(planFor(low, scheme, { kind: 'top' }, efforts).reachable).toBe(false);
    expect(planFor({ ...input, instrument: small(false) }, scheme, { kind: 'top' }, efforts).notes).toEqual([]);
  });
});
