/**
 * The score composed of parts (from the 2025 method): Σ(part weight × part score) ÷
 * Σ part weights over the parts that have a score. The weights are instrument data
 * (maladministrasi-2025: the four dimensions 70, public trust 30); an edition without
 * parts has one implicit part, the dimensions, so its score is the dimensions' score.
 * A part without a score is left out and makes the result incomplete (rule 7), never zero.
 */
import type { LocalText, Part, PartSource } from '../instrument/schema.ts';

export interface PartScore {
  code: string;
  name: LocalText;
  weight: number;
  from: PartSource;
  /** unrounded; null when the part has no score yet */
  score: number | null;
}

export interface Composition {
  score: number | null;
  parts: PartScore[];
  /** every part has a score */
  complete: boolean;
}

export function composeScore(parts: readonly Part[], scores: Readonly<Record<PartSource, number | null>>): Composition {
  let num = 0;
  let den = 0;
  const out: PartScore[] = parts.map((p) => {
    const score = scores[p.from];
    if (score !== null) {
      num += p.weight * score;
      den += p.weight;
    }
    return { code: p.code, name: p.name, weight: p.weight, from: p.from, score };
  });
  return { score: den === 0 ? null : num / den, parts: out, complete: out.every((p) => p.score !== null) };
}
