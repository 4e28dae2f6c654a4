/**
 * Colours of the province map. Each fill has a text colour with a contrast ratio of
 * at least 4.5:1, so the label on a tile stays readable whatever its colour.
 */
import type { Zone } from '../../api/schemas';
import { ZONE_COLOURS } from '../../components/badges';
import type { Band } from './api';

export interface Colour {
  bg: string;
  fg: string;
}

/** Share of entities in the green zone, in steps of 20 percentage points (light to dark green). */
export const SHARE_STEPS: ReadonlyArray<Colour & { from: number }> = [
  { from: 0, bg: '#e6f5ee', fg: '#1a1a1a' },
  { from: 20, bg: '#b4e0ca', fg: '#1a1a1a' },
  { from: 40, bg: '#5fbb8d', fg: '#1a1a1a' },
  { from: 60, bg: '#0a7a45', fg: '#ffffff' },
  { from: 80, bg: '#00512a', fg: '#ffffff' },
];

export function shareColour(percent: number): Colour {
  let out: Colour = SHARE_STEPS[0] ?? { bg: '#ffffff', fg: '#1a1a1a' };
  for (const s of SHARE_STEPS) if (percent >= s.from) out = s;
  return out;
}

/** The band a (rounded) mean score falls in: the first whose minimum it reaches (bands run from the top down). */
export function bandOf(score: number, bands: readonly Band[]): Band | undefined {
  return bands.find((b) => Math.round(score * 100) >= Math.round(b.min * 100));
}

/** A province by its mean score: the colour of the zone that score falls in. */
export function meanColour(score: number, bands: readonly Band[]): Colour {
  const zone = bandOf(score, bands)?.zone;
  return zone ? ZONE_COLOURS[zone] : { bg: '#ffffff', fg: '#1a1a1a' };
}

/** Each zone's score range in the scheme: from its lowest band minimum up to just below the next zone's. */
export function meanLegend(bands: readonly Band[]): Array<{ zone: Zone; from: number; to: number | null }> {
  const out: Array<{ zone: Zone; from: number; to: number | null }> = [];
  for (const b of bands) {
    if (b.zone === null) continue;
    const last = out[out.length - 1];
    if (last && last.zone === b.zone) last.from = b.min;
    else out.push({ zone: b.zone, from: b.min, to: last ? Math.round(last.from * 100 - 1) / 100 : null });
  }
  return out;
}
