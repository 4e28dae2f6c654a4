/**
 * Colours of the province map. Each fill has a text colour with a contrast ratio of
 * at least 4.5:1, so the label on a tile stays readable whatever its colour.
 */
import type { Zone } from '../../api/schemas';
import { ZONE_COLOURS } from '../../components/badges';

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

/** A province by its mean score: the colour of the zone the server put that mean in. */
export function meanColour(zone: Zone | null): Colour {
  return zone ? ZONE_COLOURS[zone] : { bg: '#ffffff', fg: '#1a1a1a' };
}
