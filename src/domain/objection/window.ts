/**
 * The objection window (masa sanggahan): an entity may object to a score for
 * `objectionDays` days (a cycle setting, default 14) after its results went to it,
 * i.e. after the cycle last moved to final; objections stay possible while the
 * cycle is final or published within that window. Pure: the clock is an argument.
 */
import type { CycleStatus } from '../cycle/lifecycle.ts';

export const DEFAULT_OBJECTION_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ObjectionWindow {
  /** when results went to the entities (the cycle's move to final); null: never */
  opensAt: Date | null;
  closesAt: Date | null;
  days: number;
  open: boolean;
  /** why it is closed, in words a person can act on; null when open */
  reason: string | null;
}

export function objectionWindow(
  cycle: { year: number; status: CycleStatus; finalAt: Date | null; settings: { objectionDays?: number } },
  now: Date,
): ObjectionWindow {
  const days = cycle.settings.objectionDays ?? DEFAULT_OBJECTION_DAYS;
  const opensAt = cycle.finalAt;
  const closesAt = opensAt ? new Date(opensAt.getTime() + days * DAY_MS) : null;
  const base = { opensAt, closesAt, days };
  if (cycle.status !== 'final' && cycle.status !== 'published') {
    return {
      ...base,
      open: false,
      reason: `the ${cycle.year} cycle is ${cycle.status}: objections open when its results are final`,
    };
  }
  if (!opensAt || !closesAt) {
    return {
      ...base,
      open: false,
      reason: `the ${cycle.year} results never went to the entities as final: there is no objection window`,
    };
  }
  if (now.getTime() < opensAt.getTime())
    return { ...base, open: false, reason: 'the objection window has not opened yet' };
  if (now.getTime() >= closesAt.getTime()) {
    return {
      ...base,
      open: false,
      reason: `the objection window of the ${cycle.year} cycle closed on ${closesAt.toISOString()} (${days} days after the results went to the entities)`,
    };
  }
  return { ...base, open: true, reason: null };
}
