/**
 * An independent, deliberately plain implementation of METHODOLOGY.md "Scoring",
 * written from the text (not from src/domain), used to check the engine end to end.
 */
import type { Instrument } from '../../src/domain/instrument/schema.ts';

export interface RawAnswer {
  unit: string;
  indicator: string;
  value: number | null;
}

export function oracleUnitScore(inst: Instrument, answers: RawAnswer[]): number {
  let dimNum = 0;
  let dimDen = 0;
  for (const d of inst.dimensions) {
    let varNum = 0;
    let varDen = 0;
    for (const v of d.variables) {
      const indicatorScores: number[] = [];
      for (const i of v.indicators) {
        const values = answers
          .filter((a) => a.indicator === i.code && a.value !== null)
          .map((a) => ((a.value as number) / 3) * 100);
        if (values.length > 0) indicatorScores.push(values.reduce((s, x) => s + x, 0) / values.length);
      }
      if (indicatorScores.length === 0) continue;
      varNum += v.weight * (indicatorScores.reduce((s, x) => s + x, 0) / indicatorScores.length);
      varDen += v.weight;
    }
    if (varDen === 0) continue;
    dimNum += d.weight * (varNum / varDen);
    dimDen += d.weight;
  }
  return dimNum / dimDen;
}

export function oracleEntityScore(inst: Instrument, answers: RawAnswer[]): number {
  const units = [...new Set(answers.map((a) => a.unit))];
  const scores = units.map((u) =>
    oracleUnitScore(
      inst,
      answers.filter((a) => a.unit === u),
    ),
  );
  return scores.reduce((s, x) => s + x, 0) / scores.length;
}

/** Half-up to two decimals using decimal strings (independent of src/domain/scoring/rounding.ts). */
export function oracleRound(x: number): number {
  return Number(Number(`${Math.round(Number(`${x.toPrecision(12)}e2`))}e-2`).toFixed(2));
}
