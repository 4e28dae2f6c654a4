/**
 * Rankings: standard competition ranking (1, 2, 2, 4) on the rounded score, which
 * is what is published, so two entities shown with the same score share a rank.
 */
import { toHundredths } from './rounding.ts';

export interface Rankable {
  key: string;
  score: number;
  /** the group the rank is within: e.g. the level nationally, or level + province */
  group: string;
}

export function rankWithinGroups(items: readonly Rankable[]): Map<string, number> {
  const groups = new Map<string, Array<{ key: string; h: number }>>();
  for (const it of items) {
    const list = groups.get(it.group) ?? [];
    list.push({ key: it.key, h: toHundredths(it.score) });
    groups.set(it.group, list);
  }
  const ranks = new Map<string, number>();
  for (const list of groups.values()) {
    list.sort((a, b) => b.h - a.h);
    let previous = Number.NaN;
    let rank = 0;
    list.forEach((it, index) => {
      if (it.h !== previous) rank = index + 1;
      previous = it.h;
      ranks.set(it.key, rank);
    });
  }
  return ranks;
}
