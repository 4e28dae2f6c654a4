/** The API's shapes for objections (src/shared/follow-up-schemas.ts): dates as ISO strings. */
import type { ObjectionWindow } from '../domain/objection/window.ts';
import type { ObjectionDetail, ObjectionView as Row } from '../services/objections/view.ts';
import type { ObjectionDetailView, ObjectionView, ObjectionWindowView } from '../shared/follow-up-schemas.ts';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

export function presentWindow(w: ObjectionWindow): ObjectionWindowView {
  return { opensAt: iso(w.opensAt), closesAt: iso(w.closesAt), days: w.days, open: w.open, reason: w.reason };
}

export function presentObjection(o: Row): ObjectionView {
  return {
    id: o.id,
    cycle: o.cycle,
    status: o.status,
    entity: o.entity,
    unit: o.unit,
    indicator: o.indicator,
    reason: o.reason,
    evidence: o.evidence,
    filedAt: o.filedAt.toISOString(),
    filedBy: o.filedBy,
    decision: o.decision && {
      status: o.decision.status,
      reason: o.decision.reason,
      at: o.decision.at.toISOString(),
      by: o.decision.by,
      // written by services/objections/decide.ts in exactly this shape
      correction: (o.decision.correction ?? null) as NonNullable<ObjectionView['decision']>['correction'],
    },
  };
}

export function presentObjectionDetail(o: ObjectionDetail): ObjectionDetailView {
  return {
    ...presentObjection(o),
    answers: o.answers,
    indicatorScore: o.indicatorScore,
    messages: o.messages.map((m) => ({ ...m, at: m.at.toISOString() })),
  };
}
