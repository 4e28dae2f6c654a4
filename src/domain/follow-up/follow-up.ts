/**
 * Follow-up (tindak lanjut): each finding of an entity's result (the indicators
 * that cost the most points, domain/report/card.ts selectFindings) becomes an item
 * the entity works on until the next cycle. Pure vocabulary and arithmetic.
 */
import { roundHalfUp } from '../scoring/rounding.ts';

export const FOLLOW_UP_STATUSES = ['open', 'in_progress', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** How many findings become follow-up items when the cycle's settings do not say (settings.followUpItems). */
export const DEFAULT_FOLLOW_UP_ITEMS = 10;

export function followUpLimit(settings: { followUpItems?: number }): number {
  return settings.followUpItems ?? DEFAULT_FOLLOW_UP_ITEMS;
}

export interface FollowUpTally {
  total: number;
  open: number;
  inProgress: number;
  done: number;
  /** done ÷ total × 100, half up to two decimals; null without items */
  percentDone: number | null;
}

/** done ÷ total × 100, half up to two decimals; null without items. */
export function percentDone(done: number, total: number): number | null {
  return total === 0 ? null : roundHalfUp((done / total) * 100, 2);
}

export function tallyStatuses(statuses: readonly string[]): FollowUpTally {
  let open = 0;
  let inProgress = 0;
  let done = 0;
  for (const s of statuses) {
    if (s === 'done') done++;
    else if (s === 'in_progress') inProgress++;
    else open++;
  }
  const total = statuses.length;
  return { total, open, inProgress, done, percentDone: percentDone(done, total) };
}
