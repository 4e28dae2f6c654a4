import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain } from './explain.ts';
import { allCodes, testInstrument } from './fixtures.test-util.ts';
import { rankWithinGroups } from './ranking.ts';
import { indicatorScore, scoreEntity, scoreUnit, tallyAnswers } from './score.ts';

const all = (value: number) => tallyAnswers(allCodes.map((indicator) => ({ indicator, value })));

describe('scoreUnit', () => {
  it('scores full marks as 100 and zero as 0', () => {
    expect(scoreUnit(testInstrument, 'kota', all(3)).score).toBeCloseTo(100, 10);
    expect(scoreUnit(testInstrument, 'kota', all(0)).score).toBe(0);
  });

  it('follows rules 1–4 on a worked example', () => {
    // Competence: 4 officials answer IN.KOM.01 with 3,2,1,0 → mean 1.5 → 50; the rest 3 → 100.
    const answers = allCodes.map((indicator) => ({ indicator, value: 3 as number | null }));
    answers.push(
      { indicator: 'IN.KOM.01', value: 2 },
      { indicator: 'IN.KOM.01', value: 1 },
      { indicator: 'IN.KOM.01', value: 0 },
    );
    // one NA on a facility item is left out: IN.SAR.01 has only an NA → not scored
    answers.splice(allCodes.indexOf('IN.SAR.01'), 1, { indicator: 'IN.SAR.01', value: null });
    // Proses: every standard item 2 → 66.67
    for (const a of answers) if (a.indicator.startsWith('PR.STD')) a.value = 2;
    const r = scoreUnit(testInstrument, 'kota', tallyAnswers(answers));
    const kom = (50 + 4 * 100) / 5; // 90
    const sar = 100; // 7 scored items at 100, the NA left out
    const input = (12.22 * kom + 9.63 * sar) / (12.22 + 9.63);
    const proses = 200 / 3;
    const expected = (21.85 * input + 32.37 * proses + 24.24 * 100 + 21.54 * 100) / 100;
    expect(r.dimensions[0]?.variables[0]?.indicators[0]?.score).toBe(50);
    expect(r.dimensions[0]?.variables[1]?.indicators[0]?.status).toBe('not_applicable');
    expect(r.dimensions[0]?.score).toBeCloseTo(input, 10);
    expect(r.score).toBeCloseTo(expected, 10);
    expect(r.complete).toBe(true);
  });

  it('marks an unanswered indicator incomplete and leaves it out instead of counting zero', () => {
    const tallies = all(3);
    tallies.delete('PR.STD.06');
    const r = scoreUnit(testInstrument, 'kota', tallies);
    expect(r.complete).toBe(false);
    expect(r.completeness).toEqual({ required: allCodes.length, answered: allCodes.length - 1 });
    expect(r.score).toBeCloseTo(100, 10);
  });

  it('excludes indicators that do not apply to the level', () => {
    const inst = structuredClone(testInstrument);
    const mal = inst.dimensions[2]?.variables[0]?.indicators[0];
    if (!mal) throw new Error('fixture');
    mal.appliesTo = ['kementerian'];
    const tallies = all(3);
    tallies.delete(mal.code);
    const r = scoreUnit(inst, 'kota', tallies);
    expect(r.complete).toBe(true);
    expect(r.completeness.required).toBe(allCodes.length - 1);
  });
});

describe('scoring properties', () => {
  const answersArb = fc.array(
    fc.record({
      indicator: fc.constantFrom(...allCodes),
      value: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 6 }),
    }),
    { minLength: 1, maxLength: 200 },
  );

  it('keeps every score within 0..100', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const r = scoreUnit(testInstrument, 'kabupaten', tallyAnswers(answers));
        if (r.score !== null) {
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(100 + 1e-9);
        }
        for (const d of r.dimensions) if (d.score !== null) expect(d.score).toBeLessThanOrEqual(100 + 1e-9);
      }),
    );
  });

  it('never falls when an answer rises', () => {
    fc.assert(
      fc.property(answersArb, fc.nat(), (answers, pick) => {
        const numeric = answers.map((a, i) => ({ a, i })).filter(({ a }) => a.value !== null && a.value < 3);
        fc.pre(numeric.length > 0);
        const chosen = numeric[pick % numeric.length];
        if (!chosen) return;
        const raised = answers.map((a, i) => (i === chosen.i ? { ...a, value: (a.value ?? 0) + 1 } : a));
        const before = scoreUnit(testInstrument, 'kota', tallyAnswers(answers)).score ?? 0;
        const after = scoreUnit(testInstrument, 'kota', tallyAnswers(raised)).score ?? 0;
        expect(after).toBeGreaterThanOrEqual(before - 1e-9);
      }),
    );
  });

  it('scores an entity as the mean of its unit scores', () => {
    fc.assert(
      fc.property(fc.array(answersArb, { minLength: 1, maxLength: 9 }), (units) => {
        const results = units.map((u) => scoreUnit(testInstrument, 'kota', tallyAnswers(u)));
        const scores = results.map((r) => r.score).filter((s): s is number => s !== null);
        const e = scoreEntity(results);
        if (scores.length === 0) expect(e.score).toBeNull();
        else expect(e.score).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 9);
      }),
    );
  });

  it('explains every lost point: dimension costs add up to 100 − score, variables to their dimension', () => {
    fc.assert(
      fc.property(fc.array(answersArb, { minLength: 1, maxLength: 7 }), (units) => {
        const results = units.map((u) => scoreUnit(testInstrument, 'kota', tallyAnswers(u)));
        const x = explain(testInstrument, results);
        if (x.score === null) return;
        const sum = x.dimensions.reduce((s, d) => s + d.cost, 0);
        expect(sum).toBeCloseTo(100 - x.score, 8);
        for (const d of x.dimensions) {
          expect(d.variables.reduce((s, v) => s + v.cost, 0)).toBeCloseTo(d.cost, 8);
          for (const v of d.variables) expect(v.indicators.reduce((s, i) => s + i.cost, 0)).toBeCloseTo(v.cost, 8);
        }
      }),
    );
  });
});

describe('indicatorScore', () => {
  it('is the mean answer over max × 100 and null without numeric answers', () => {
    expect(indicatorScore({ sum: 5, count: 2, na: 1 }, 3)).toBeCloseTo(250 / 3, 12);
    expect(indicatorScore({ sum: 0, count: 0, na: 3 }, 3)).toBeNull();
  });
});

describe('rankWithinGroups', () => {
  it('ranks by rounded score within each group, ties share a rank', () => {
    const ranks = rankWithinGroups([
      { key: 'a', score: 90.001, group: 'kota' },
      { key: 'b', score: 89.999, group: 'kota' },
      { key: 'c', score: 80, group: 'kota' },
      { key: 'd', score: 50, group: 'kabupaten' },
    ]);
    expect([ranks.get('a'), ranks.get('b'), ranks.get('c'), ranks.get('d')]).toEqual([1, 1, 3, 1]);
  });
});
