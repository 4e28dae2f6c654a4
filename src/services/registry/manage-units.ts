/**
 * An entity's units in a cycle: list, add, rename, deactivate. Central staff may
 * change them at any time; an office head within its province while the cycle is
 * still being assessed; assessors may read. Changing the units recomputes the
 * entity's results (a unit without answers makes the entity incomplete, never zero).
 * No unit is added for a body that no longer existed in the cycle's year.
 */

import type { Database } from '../../db/database.ts';
import { appendAudit } from '../../db/repos/audit.ts';
import { type CycleRow, listCycles } from '../../db/repos/cycles.ts';
import { type EntityRow, findEntityById } from '../../db/repos/entities.ts';
import {
  findUnit,
  insertUnit,
  listEntityUnits,
  type UnitDetailRow,
  unitNameTaken,
  updateUnit as updateUnitRow,
} from '../../db/repos/units.ts';
import { isOpenForFieldwork } from '../../domain/cycle/lifecycle.ts';
import { AppError, refuseFormulaName } from '../../errors.ts';
import { cycleAssignments } from '../auth/cycle-scope.ts';
import { canEditUnits, canReadUnits, canSeeEntity, canUseUnitAdmin, ensure, refuseEntity } from '../auth/policy.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { type LoadedCycle, loadCycle } from '../cycles.ts';
import { loadVisibleCycle } from '../lifecycle/visible-cycles.ts';
import { loadEntityInScope } from '../results/entity-access.ts';
import { recomputeResults } from '../results/recompute.ts';
import { ensureAssessable } from './registry.ts';

export interface UnitView {
  id: number;
  name: string;
  kind: string | null;
  active: boolean;
  synthetic: boolean;
}

const view = (u: UnitDetailRow): UnitView => ({
  id: u.id,
  name: u.name,
  kind: u.kind,
  active: u.active,
  synthetic: u.synthetic,
});

function ensureEditable(p: Principal, cycle: CycleRow, entity: EntityRow): void {
  if (canEditUnits(p, cycle, entity)) return;
  if (p.role === 'office_head' && canSeeEntity(p, entity) && !isOpenForFieldwork(cycle.status)) {
    throw new AppError('CYCLE_LOCKED', `the ${cycle.year} cycle is ${cycle.status}: its units can no longer change`);
  }
  ensure(p, false, 'change units');
}

/** Recomputes an entity after its units changed (cycles scored from answers only). */
async function recomputeEntity(db: Database, cycle: LoadedCycle, entityId: number): Promise<void> {
  if (cycle.instrument) await recomputeResults({ db }, cycle, [entityId]);
}

export async function listUnitsOf(ctx: ServiceContext, p: Principal, year: number, code: string): Promise<UnitView[]> {
  ensure(p, canUseUnitAdmin(p), 'manage units');
  const cycle = await loadVisibleCycle(ctx, p, year);
  const notFound = new AppError('UNKNOWN_ENTITY', `there is no entity "${code}"`);
  const entity = await loadEntityInScope(ctx, p, code, notFound, cycle.id);
  ensure(p, canReadUnits(p, entity, await cycleAssignments(ctx, p, cycle.id)), 'see these units');
  return (await listEntityUnits(ctx.db, cycle.id, entity.id)).map(view);
}

export async function addUnit(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  code: string,
  input: { name: string; kind?: string | null },
): Promise<UnitView> {
  ensure(p, canUseUnitAdmin(p), 'manage units');
  const cycle = await loadVisibleCycle(ctx, p, year);
  const entity = await loadEntityInScope(ctx, p, code, new AppError('UNKNOWN_ENTITY', `there is no entity "${code}"`));
  ensureEditable(p, cycle, entity);
  await ensureAssessable(ctx, entity, year);
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) throw new AppError('VALIDATION_FAILED', 'name the unit (e.g. Dinas Kependudukan dan Catatan Sipil)');
  refuseFormulaName('unit name', name);
  return ctx.db.transaction().execute(async (tx) => {
    const unit = await insertUnit(tx, {
      cycleId: cycle.id,
      entityId: entity.id,
      name,
      kind: input.kind?.trim() || null,
    });
    if (!unit) throw new AppError('CONFLICT', `${entity.name} already has a unit named "${name}" in ${year}`);
    await recomputeEntity(tx, cycle, entity.id);
    await appendAudit(tx, {
      actor: actorOf(p),
      action: 'unit.create',
      subject: `unit:${unit.id}`,
      after: { cycle: year, entity: entity.code, ...view(unit) },
    });
    return view(unit);
  });
}

export async function updateUnit(
  ctx: ServiceContext,
  p: Principal,
  unitId: number,
  changes: { name?: string; active?: boolean },
): Promise<UnitView> {
  ensure(p, canUseUnitAdmin(p), 'manage units');
  const notFound = new AppError('NOT_FOUND', `there is no unit ${unitId}`);
  const unit = await findUnit(ctx.db, unitId);
  if (!unit) throw notFound;
  const year = (await listCycles(ctx.db)).find((c) => c.id === unit.cycleId)?.year;
  const entity = await findEntityById(ctx.db, unit.entityId);
  if (year === undefined || !entity) throw notFound;
  const cycle = await loadCycle(ctx, year);
  if (!canSeeEntity(p, entity)) throw refuseEntity(p, notFound);
  ensureEditable(p, cycle, entity);
  const name = changes.name?.trim().replace(/\s+/g, ' ');
  if (name !== undefined && !name) throw new AppError('VALIDATION_FAILED', 'a unit needs a name');
  if (name !== undefined) refuseFormulaName('unit name', name);
  return ctx.db.transaction().execute(async (tx) => {
    if (name !== undefined && (await unitNameTaken(tx, unit, name))) {
      throw new AppError('CONFLICT', `${entity.name} already has a unit named "${name}" in ${cycle.year}`);
    }
    const after = (await updateUnitRow(tx, unit.id, {
      ...(name !== undefined ? { name } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
    })) as UnitDetailRow;
    if (after.active !== unit.active) await recomputeEntity(tx, cycle, entity.id);
    await appendAudit(tx, {
      actor: actorOf(p),
      action: 'unit.update',
      subject: `unit:${unit.id}`,
      before: view(unit),
      after: view(after),
    });
    return view(after);
  });
}
