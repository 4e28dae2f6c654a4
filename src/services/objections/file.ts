/**
 * Objections (sanggahan), the entity's side and the thread: an entity official
 * objects to the score of one indicator in one unit, with a reason and evidence,
 * while the cycle's objection window is open (domain/objection/window.ts); both
 * sides read the objection and write in its thread until it is decided.
 */
import { appendAudit } from '../../db/repos/audit.ts';
import {
  findOpenObjection,
  insertMessage,
  insertObjection,
  listObjections as listObjectionRows,
} from '../../db/repos/objections.ts';
import { findUnit } from '../../db/repos/units.ts';
import type { ObjectionWindow } from '../../domain/objection/window.ts';
import { AppError } from '../../errors.ts';
import { mayFileObjection, mayUseFollowUp } from '../auth/follow-up-policy.ts';
import { ensure } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { requireInstrument } from '../cycles.ts';
import { authorOf, loadTarget } from '../follow-up/access.ts';
import { attachEvidence, normaliseEvidence } from '../follow-up/evidence.ts';
import { cycleResults } from '../results/results.ts';
import {
  findIndicator,
  loadObjection,
  type ObjectionDetail,
  type ObjectionView,
  objectionDetail,
  objectionView,
  windowOf,
} from './view.ts';

export interface EntityObjections {
  window: ObjectionWindow;
  objections: ObjectionView[];
}

export async function listObjections(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  code: string,
): Promise<EntityObjections> {
  const { cycle, entity } = await loadTarget(ctx, p, year, code, mayUseFollowUp(p), 'see objections');
  const rows = await listObjectionRows(ctx.db, cycle.id, entity.id);
  return { window: await windowOf(ctx, cycle), objections: rows.map((o) => objectionView(o, cycle, entity)) };
}

export interface NewObjection {
  unitId: number;
  indicator: string;
  reason: string;
  evidence?: readonly string[];
}

export async function fileObjection(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  code: string,
  input: NewObjection,
): Promise<ObjectionDetail> {
  const { cycle, entity } = await loadTarget(ctx, p, year, code, mayFileObjection(p), 'file objections');
  const instrument = requireInstrument(cycle);
  const window = await windowOf(ctx, cycle);
  if (!window.open) {
    throw new AppError('OBJECTION_WINDOW_CLOSED', window.reason ?? 'the objection window is closed', {
      opensAt: window.opensAt,
      closesAt: window.closesAt,
      days: window.days,
    });
  }
  const result = (await cycleResults(ctx, year, { entity: entity.code })).results[0];
  if (result?.source !== 'answers') {
    throw new AppError(
      'CONFLICT',
      `${entity.name} has no ${year} result computed from answers${result ? ' (its result is an imported score)' : ''}: there is no indicator score to object to`,
    );
  }
  const unit = await findUnit(ctx.db, input.unitId);
  if (!unit || unit.cycleId !== cycle.id || unit.entityId !== entity.id || !unit.active) {
    throw new AppError('VALIDATION_FAILED', `unitId: ${input.unitId} is not a unit of ${entity.name} in ${year}`, {
      issues: [{ path: 'unitId', message: 'not a unit of this entity in this cycle' }],
    });
  }
  const indicator = findIndicator(instrument, input.indicator);
  if (!indicator || (indicator.def.appliesTo && !indicator.def.appliesTo.includes(entity.level))) {
    throw new AppError(
      'VALIDATION_FAILED',
      `indicator: ${input.indicator} is not an indicator of the ${instrument.edition} instrument for a ${entity.level}`,
      { issues: [{ path: 'indicator', message: 'unknown indicator' }] },
    );
  }
  const reason = input.reason.trim();
  if (!reason) throw new AppError('VALIDATION_FAILED', 'reason: say why the score is wrong');
  const evidence = normaliseEvidence(input.evidence ?? []);
  const author = authorOf(p);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const id = await insertObjection(tx, {
      cycleId: cycle.id,
      entityId: entity.id,
      unitId: unit.id,
      indicator: indicator.code,
      reason,
      evidence,
      author,
    });
    if (id === undefined) {
      const open = await findOpenObjection(tx, unit.id, indicator.code);
      throw new AppError(
        'CONFLICT',
        `${unit.name} already has an open objection to ${indicator.code} (objection ${open}); write in its thread instead`,
        { objection: open ?? null },
      );
    }
    await appendAudit(tx, {
      actor: author.actor,
      action: 'objection.file',
      subject: `objection:${id}`,
      after: { cycle: year, entity: entity.code, unit: unit.id, indicator: indicator.code, reason, evidence },
    });
    await attachEvidence(tx, p, `objection:${id}`, evidence, indicator.code);
    return id;
  });
  return objectionDetail(ctx, await loadObjection(ctx, p, id));
}

export async function getObjection(ctx: ServiceContext, p: Principal, id: number): Promise<ObjectionDetail> {
  ensure(p, mayUseFollowUp(p), 'see objections');
  return objectionDetail(ctx, await loadObjection(ctx, p, id));
}

/** A message in the thread, from either side, while the objection is open. */
export async function postObjectionMessage(
  ctx: ServiceContext,
  p: Principal,
  id: number,
  input: { body: string; evidence?: readonly string[] },
): Promise<ObjectionDetail> {
  ensure(p, mayUseFollowUp(p), 'write in objection threads');
  const x = await loadObjection(ctx, p, id);
  if (x.objection.status !== 'open') {
    throw new AppError('CONFLICT', `objection ${id} is ${x.objection.status}: its thread is closed`);
  }
  const body = input.body.trim();
  if (!body) throw new AppError('VALIDATION_FAILED', 'body: write a message');
  const evidence = normaliseEvidence(input.evidence ?? []);
  const author = authorOf(p);
  await ctx.db.transaction().execute(async (tx) => {
    await insertMessage(tx, { objectionId: id, body, evidence, author });
    await appendAudit(tx, {
      actor: author.actor,
      action: 'objection.message',
      subject: `objection:${id}`,
      after: { body, evidence },
    });
    await attachEvidence(tx, p, `objection:${id}`, evidence, x.objection.indicator);
  });
  return objectionDetail(ctx, await loadObjection(ctx, p, id));
}
