import type { Band, BandScheme, LocalText, Zone } from '../instrument/schema.ts';
import { roundHalfUp, toHundredths } from './rounding.ts';

export interface Banding {
  /** the score rounded half up to two decimals: what is displayed and banded */
  rounded: number;
  category: string | null;
  opinion: LocalText;
  zone: Zone;
}

/** Puts a score into the scheme's band: the first band whose minimum the rounded score reaches. */
export function bandFor(scheme: BandScheme, score: number): Banding {
  // compare the rounded score: sums of floating-point terms may land a hair outside 0..100 (100.00000000000001)
  if (!Number.isFinite(score)) throw new RangeError(`a score lies in 0..100, got ${score}`);
  const h = toHundredths(score);
  if (h < 0 || h > 10000) throw new RangeError(`a score lies in 0..100, got ${score}`);
  const band: Band | undefined = scheme.bands.find((b) => h >= Math.round(b.min * 100));
  if (!band) throw new Error(`band scheme ${scheme.scheme} has no band for ${score}`);
  return { rounded: roundHalfUp(score, 2), category: band.category, opinion: band.opinion, zone: band.zone };
}
