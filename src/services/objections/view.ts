/**
 * Loading one objection within the principal's scope, the cycle's objection window,
 * and the views both sides read: the objection with the indicator it is about, the
 * unit's current answers and score for it, the decision, and the thread.
 */
import { listUnitAnswers } from '../../db/repos/answers.ts';
import { findCycleFinalAt, listCycles } from '../../db/repos/cycles.ts';
import { type EntityRow, findEntityById } from '../../db/repos/entities.ts';
import type { Author } from '../../db/repos/follow-up.ts';
import { findObjection, listIndicatorAnswers, listMessages, type ObjectionRow } from '../../db/repos/objections.ts';
import type { Indicator, Instrument, LocalText } from '../../domain/instrument/schema.ts';
import { type ObjectionWindow, objectionWindow } from '../../domain/objection/window.ts';
import { scoreUnit, tallyAnswers } from '../../domain/scoring/score.ts';
import { AppError } from '../../errors.ts';
import { sideOf } from '../auth/follow-up-policy.ts';
import { canSeeCycle, canSeeEntity, refuseEntity } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { type LoadedCycle, loadCycle } from '../cycles.ts';

export async function windowOf(ctx: ServiceContext, cycle: LoadedCycle, now = new Date()): Promise<ObjectionWindow> {
  return objectionWindow({ ...cycle, finalAt: await findCycleFinalAt(ctx.db, cycle.id) }, now);
}

export interface LoadedObjection {
  objection: ObjectionRow;
  cycle: LoadedCycle;
  entity: EntityRow;
}

/** An objection the principal may see: 404 where it may not know it exists, 403 for an office of another province. */
export async function loadObjection(ctx: ServiceContext, p: Principal, id: number): Promise<LoadedObjection> {
  const notFound = new AppError('NOT_FOUND', `there is no objection ${id}`);
  const objection = await findObjection(ctx.db, id);
  if (!objection) throw notFound;
  const row = (await listCycles(ctx.db)).find((c) => c.id === objection.cycleId);
  const entity = await findEntityById(ctx.db, objection.entityId);
  if (!row || !entity || !canSeeCycle(p, row)) throw notFound;
  if (!canSeeEntity(p, entity)) throw refuseEntity(p, notFound);
  return { objection, cycle: await loadCycle(ctx, row.code), entity };
}

export interface IndicatorRef {
  code: string;
  text: LocalText;
  requirement: LocalText;
  method: string;
  dimension: string;
  variable: string;
}

export function findIndicator(instrument: Instrument, code: string): (IndicatorRef & { def: Indicator }) | undefined {
  for (const d of instrument.dimensions)
    for (const v of d.variables)
      for (const i of v.indicators)
        if (i.code === code) {
          return {
            code,
            text: i.text,
            requirement: i.requirement,
            method: i.method,
            dimension: d.code,
            variable: v.code,
            def: i,
          };
        }
  return undefined;
}

export interface PersonView {
  name: string | null;
  role: string | null;
  side: 'entity' | 'ombudsman';
}

const person = (a: Author & { name: string | null }): PersonView => ({
  name: a.name,
  role: a.role,
  side: sideOf(a.role),
});

export interface ObjectionView {
  id: number;
  cycle: number;
  status: ObjectionRow['status'];
  entity: { code: string; name: string };
  unit: { id: number; name: string };
  indicator: IndicatorRef | { code: string };
  reason: string;
  evidence: string[];
  filedAt: Date;
  filedBy: PersonView;
  decision: {
    status: 'accepted' | 'rejected';
    reason: string;
    at: Date;
    by: PersonView | null;
    /** accepted: the answers and the entity score before and after */
    correction: unknown;
  } | null;
}

export interface ObjectionDetail extends ObjectionView {
  /** the unit's answers for the indicator now */
  answers: Array<{ respondent: string; value: number | null }>;
  /** the unit's score for the indicator now (0–100, unrounded); null when not scored */
  indicatorScore: number | null;
  messages: Array<{ id: number; body: string; evidence: string[]; at: Date; author: PersonView }>;
}

export function objectionView(o: ObjectionRow, cycle: LoadedCycle, entity: EntityRow): ObjectionView {
  const ref = cycle.instrument ? findIndicator(cycle.instrument, o.indicator) : undefined;
  let indicator: ObjectionView['indicator'] = { code: o.indicator };
  if (ref) {
    const { def: _def, ...rest } = ref;
    indicator = rest;
  }
  return {
    id: o.id,
    cycle: cycle.year,
    status: o.status,
    entity: { code: entity.code, name: entity.name },
    unit: { id: o.unitId, name: o.unitName },
    indicator,
    reason: o.reason,
    evidence: o.evidence,
    filedAt: o.filedAt,
    // only an entity's officials file objections
    filedBy: { ...person(o.filedBy), role: o.filedBy.role ?? 'entity_official', side: 'entity' },
    decision:
      o.status === 'open' || o.decidedAt === null
        ? null
        : {
            status: o.status,
            reason: o.decisionReason ?? '',
            at: o.decidedAt,
            by: o.decidedBy ? person(o.decidedBy) : null,
            correction: o.correction,
          },
  };
}

export async function objectionDetail(ctx: ServiceContext, x: LoadedObjection): Promise<ObjectionDetail> {
  const { objection: o, cycle, entity } = x;
  const [answers, messages, all] = await Promise.all([
    listIndicatorAnswers(ctx.db, o.cycleId, o.unitId, o.indicator),
    listMessages(ctx.db, o.id),
    listUnitAnswers(ctx.db, o.cycleId, o.unitId),
  ]);
  let indicatorScore: number | null = null;
  if (cycle.instrument) {
    const scored = scoreUnit(cycle.instrument, entity.level, tallyAnswers(all));
    for (const d of scored.dimensions)
      for (const v of d.variables) for (const i of v.indicators) if (i.code === o.indicator) indicatorScore = i.score;
  }
  return {
    ...objectionView(o, cycle, entity),
    answers,
    indicatorScore,
    messages: messages.map((m) => ({
      id: m.id,
      body: m.body,
      evidence: m.evidence,
      at: m.at,
      author: person(m.author),
    })),
  };
}
