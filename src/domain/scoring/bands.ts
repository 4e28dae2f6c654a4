import type { Band, BandScheme, LocalText, Zone } from '../instrument/schema.ts';
import { roundHalfUp, toHundredths } from './rounding.ts';

export interface Banding {
  /** the score rounded half up to two decimals: what is displayed and banded */
  rounded: number;
  category: string | null;
  opinion: LocalText;
  /** null in schemes without zones (from 2025) */
  zone: Zone | null;
  /** the quality word printed with the opinion from 2025 ("Baik", "Cukup", "Kurang"); null before */
  quality: LocalText | null;
  /** whether the band is an award (certificate eligibility) */
  award: boolean;
}

/**
 * Whether a band is an award: what the band scheme says (from 2025 only "Kualitas
 * Tertinggi"), else the green zone (2021–2024).
 */
export function isAwardBand(band: Pick<Band, 'award' | 'zone'>): boolean {
  return band.award ?? band.zone === 'hijau';
}

/** Each zone's score range in a scheme: from its lowest band minimum up to just below the next zone's (the best first). */
export function zoneRanges(scheme: BandScheme): Array<{ zone: Zone; from: number; to: number | null }> {
  const out: Array<{ zone: Zone; from: number; to: number | null }> = [];
  for (const b of scheme.bands) {
    if (b.zone === null) continue; // from 2025 there are no zones
    const last = out[out.length - 1];
    if (last && last.zone === b.zone) last.from = b.min;
    else out.push({ zone: b.zone, from: b.min, to: last ? Math.round(last.from * 100 - 1) / 100 : null });
  }
  return out;
}

/** Puts a score into the scheme's band: the first band whose minimum the rounded score reaches. */
export function bandFor(scheme: BandScheme, score: number): Banding {
  // compare the rounded score: sums of floating-point terms may land a hair outside 0..100 (100.00000000000001)
  if (!Number.isFinite(score)) throw new RangeError(`a score lies in 0..100, got ${score}`);
  const h = toHundredths(score);
  if (h < 0 || h > 10000) throw new RangeError(`a score lies in 0..100, got ${score}`);
  const band: Band | undefined = scheme.bands.find((b) => h >= Math.round(b.min * 100));
  if (!band) throw new Error(`band scheme ${scheme.scheme} has no band for ${score}`);
  return {
    rounded: roundHalfUp(score, 2),
    category: band.category,
    opinion: band.opinion,
    zone: band.zone,
    quality: band.quality ?? null,
    award: isAwardBand(band),
  };
}
