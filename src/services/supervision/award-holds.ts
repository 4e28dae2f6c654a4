/**
 * Withheld awards (from 2023): the score stands, but the report card and the
 * certificate are withheld (ditahan) until the Ombudsman's supervision products are
 * carried out. Central staff record a hold with a reason, for an entity or for one
 * of its units (single-unit certificates); releasing it is audited too. Both re-store
 * the cycle's results, which carry `award.withheld`.
 */

import { appendAudit } from '../../db/repos/audit.ts';
import { findOpenHold, insertHold, releaseHold } from '../../db/repos/award-holds.ts';
import { listUnits } from '../../db/repos/units.ts';
import { AppError } from '../../errors.ts';
import { canManageSupervision, ensure } from '../auth/policy.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { type CycleRef, loadCycle } from '../cycles.ts';
import { loadResolver, resolveOrThrow } from '../registry/registry.ts';
import { refreshStoredResults } from '../results/stored-results.ts';

export interface HoldTarget {
  /** the cycle: its year where unambiguous, or its code */
  year: CycleRef;
  entity: string;
  /** a unit's name or id, for a single unit's certificate */
  unit?: string;
}

async function locate(ctx: ServiceContext, t: HoldTarget) {
  const cycle = await loadCycle(ctx, t.year);
  const entity = resolveOrThrow(await loadResolver(ctx), t.entity);
  let unitId: number | null = null;
  let unitName: string | null = null;
  if (t.unit !== undefined) {
    const units = await listUnits(ctx.db, cycle.id, [entity.id]);
    const want = t.unit.trim().toLowerCase();
    const u = units.find((x) => String(x.id) === want || x.name.toLowerCase() === want);
    if (!u) {
      throw new AppError(
        'NOT_FOUND',
        `${entity.name} has no unit "${t.unit}" in ${t.year}; its units: ${units.map((x) => x.name).join(', ') || 'none'}`,
      );
    }
    unitId = u.id;
    unitName = u.name;
  }
  const subject = `cycle:${cycle.code}/entity:${entity.code}${unitId === null ? '' : `/unit:${unitId}`}`;
  return { cycle, entity, unitId, unitName, subject };
}

export async function holdAward(ctx: ServiceContext, p: Principal, t: HoldTarget, reason: string) {
  ensure(p, canManageSupervision(p), 'withhold report cards and certificates');
  if (!reason.trim()) throw new AppError('VALIDATION_FAILED', 'say why the award is withheld (a reason)');
  const { cycle, entity, unitId, unitName, subject } = await locate(ctx, t);
  return ctx.db.transaction().execute(async (tx) => {
    if (await findOpenHold(tx, cycle.id, entity.id, unitId))
      throw new AppError('CONFLICT', `the award of ${unitName ?? entity.name} for ${t.year} is already withheld`);
    const hold = await insertHold(tx, {
      cycleId: cycle.id,
      entityId: entity.id,
      unitId,
      reason: reason.trim(),
      heldBy: actorOf(p),
    });
    await refreshStoredResults({ db: tx }, cycle);
    await appendAudit(tx, {
      actor: actorOf(p),
      action: 'award.hold',
      subject,
      after: { reason: hold.reason, unit: unitName },
    });
    return hold;
  });
}

export async function releaseAward(ctx: ServiceContext, p: Principal, t: HoldTarget): Promise<void> {
  ensure(p, canManageSupervision(p), 'release withheld report cards and certificates');
  const { cycle, entity, unitId, unitName, subject } = await locate(ctx, t);
  await ctx.db.transaction().execute(async (tx) => {
    const hold = await findOpenHold(tx, cycle.id, entity.id, unitId);
    if (!hold) throw new AppError('NOT_FOUND', `the award of ${unitName ?? entity.name} for ${t.year} is not withheld`);
    await releaseHold(tx, hold.id, actorOf(p));
    await refreshStoredResults({ db: tx }, cycle);
    await appendAudit(tx, {
      actor: actorOf(p),
      action: 'award.release',
      subject,
      before: { reason: hold.reason, since: hold.heldAt.toISOString(), unit: unitName },
    });
  });
}
