/**
 * Assignments (issue 4, item 2): an office head assigns entities of its province,
 * or single units of them, to the assessors of its office, with planned dates;
 * central staff may assign anywhere (an assessor of the entity's province). An
 * assessor's scope in a cycle is what it is assigned there (services/auth/cycle-scope.ts).
 * The dates are the plan shown to the assessor; they do not limit what it may sync.
 */
import {
  type AssignmentRow,
  deleteAssignment as deleteAssignmentRow,
  findAssessors,
  insertAssignment,
  listAssessors as listAssessorRows,
  listAssignments,
} from '../../db/repos/assignments.ts';
import { appendAudit } from '../../db/repos/audit.ts';
import { listCycles } from '../../db/repos/cycles.ts';
import { findEntityByCode, findOfficeByProvince } from '../../db/repos/entities.ts';
import { findUnit, listUnits } from '../../db/repos/units.ts';
import { isOpenForFieldwork } from '../../domain/cycle/lifecycle.ts';
import { AppError } from '../../errors.ts';
import type { AssignmentView, MyAssignmentView } from '../../shared/fieldwork-schemas.ts';
import {
  canAssignEntity,
  canManageAssignments,
  canSeeFieldwork,
  ensure,
  refuse,
  refuseEntity,
  requireSignedIn,
} from '../auth/policy.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import type { LoadedCycle } from '../cycles.ts';
import { loadVisibleCycle } from '../lifecycle/visible-cycles.ts';
import { ensureAssessable } from '../registry/registry.ts';

export interface NewAssignmentInput {
  assessorId: number;
  entity: string;
  unitId?: number | null;
  startsOn?: string | null;
  endsOn?: string | null;
}

const view = (year: number, a: AssignmentRow): AssignmentView => ({
  id: a.id,
  year,
  entity: { code: a.entity.code, name: a.entity.name },
  unit: a.unit,
  assessor: a.assessor,
  assignedBy: a.assignedBy,
  startsOn: a.startsOn,
  endsOn: a.endsOn,
  createdAt: a.createdAt.toISOString(),
});

function ensureOpen(cycle: LoadedCycle): void {
  if (!isOpenForFieldwork(cycle.status)) {
    throw new AppError(
      'CYCLE_LOCKED',
      `the ${cycle.year} cycle is ${cycle.status}: its assignments can no longer change`,
    );
  }
}

/** A cycle's assignments: central staff all, an office head its province, an assessor its own. */
export async function listCycleAssignments(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  q: { entity?: string | undefined; assessorId?: number | undefined } = {},
): Promise<AssignmentView[]> {
  requireSignedIn(p, 'see assignments');
  ensure(p, canSeeFieldwork(p), 'see assignments');
  const cycle = await loadVisibleCycle(ctx, p, year);
  let entityIds: number[] | undefined;
  if (q.entity) {
    const e = await findEntityByCode(ctx.db, q.entity);
    entityIds = e ? [e.id] : [];
  }
  const rows = await listAssignments(ctx.db, {
    cycleId: cycle.id,
    ...(p.role === 'office_head' || p.role === 'assessor' ? { provinceCode: p.officeProvinceCode ?? '-' } : {}),
    ...(p.role === 'assessor' ? { assessorId: p.userId ?? 0 } : q.assessorId ? { assessorId: q.assessorId } : {}),
    ...(entityIds ? { entityIds } : {}),
  });
  return rows.map((a) => view(year, a));
}

export async function createAssignment(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  input: NewAssignmentInput,
): Promise<AssignmentView> {
  ensure(p, canManageAssignments(p), 'assign assessors');
  const cycle = await loadVisibleCycle(ctx, p, year);
  const entity = await findEntityByCode(ctx.db, input.entity);
  if (!entity) throw new AppError('UNKNOWN_ENTITY', `there is no entity with the code "${input.entity}"`);
  if (!canAssignEntity(p, entity)) throw refuseEntity(p, new AppError('NOT_FOUND', 'no such entity'));
  ensureOpen(cycle);
  await ensureAssessable(ctx, entity, year);
  const unitId = input.unitId ?? null;
  if (unitId !== null) {
    const unit = await findUnit(ctx.db, unitId);
    if (!unit || unit.cycleId !== cycle.id || unit.entityId !== entity.id || !unit.active) {
      throw new AppError('VALIDATION_FAILED', `unit ${unitId} is not an active unit of ${entity.name} in ${year}`);
    }
  }
  const assessor = (await findAssessors(ctx.db, [input.assessorId])).get(input.assessorId);
  if (!assessor) throw new AppError('VALIDATION_FAILED', `there is no active assessor with the id ${input.assessorId}`);
  if (assessor.provinceCode !== entity.provinceCode) {
    const office = entity.provinceCode ? await findOfficeByProvince(ctx.db, entity.provinceCode) : undefined;
    throw new AppError(
      'VALIDATION_FAILED',
      `${assessor.email} is not an assessor of ${office?.name ?? 'the regional office of the entity’s province'}`,
    );
  }
  return ctx.db.transaction().execute(async (tx) => {
    const id = await insertAssignment(tx, {
      cycleId: cycle.id,
      entityId: entity.id,
      unitId,
      assessorId: assessor.id,
      assignedBy: actorOf(p),
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
    });
    if (id === undefined) {
      throw new AppError('CONFLICT', `${assessor.email} is already assigned to this ${unitId ? 'unit' : 'entity'}`);
    }
    const row = (await listAssignments(tx, { cycleId: cycle.id, id }))[0] as AssignmentRow;
    const v = view(year, row);
    await appendAudit(tx, {
      actor: actorOf(p),
      action: 'assignment.create',
      subject: `assignment:${id}`,
      after: {
        cycle: year,
        entity: entity.code,
        unit: v.unit,
        assessor: assessor.email,
        startsOn: v.startsOn,
        endsOn: v.endsOn,
      },
    });
    return v;
  });
}

export async function removeAssignment(ctx: ServiceContext, p: Principal, year: number, id: number): Promise<void> {
  ensure(p, canManageAssignments(p), 'assign assessors');
  const cycle = await loadVisibleCycle(ctx, p, year);
  const notFound = new AppError('NOT_FOUND', `there is no assignment ${id} in the ${year} cycle`);
  const row = (await listAssignments(ctx.db, { cycleId: cycle.id, id }))[0];
  if (!row) throw notFound;
  if (!canAssignEntity(p, row.entity)) throw refuseEntity(p, notFound);
  ensureOpen(cycle);
  await ctx.db.transaction().execute(async (tx) => {
    await deleteAssignmentRow(tx, id);
    await appendAudit(tx, {
      actor: actorOf(p),
      action: 'assignment.delete',
      subject: `assignment:${id}`,
      before: { cycle: year, entity: row.entity.code, unit: row.unit, assessor: row.assessor.email },
    });
  });
}

/** The assessor's own assignments in every open cycle, with the units to collect for (the collection app's start). */
export async function myAssignments(ctx: ServiceContext, p: Principal): Promise<MyAssignmentView[]> {
  requireSignedIn(p, 'see your assignments');
  if (p.role !== 'assessor' || p.userId === null) throw refuse(p, 'have assignments (assessors only)');
  const out: MyAssignmentView[] = [];
  for (const c of (await listCycles(ctx.db)).filter((c) => isOpenForFieldwork(c.status))) {
    const rows = await listAssignments(ctx.db, {
      cycleId: c.id,
      assessorId: p.userId,
      provinceCode: p.officeProvinceCode ?? '-',
    });
    if (rows.length === 0) continue;
    const units = await listUnits(ctx.db, c.id, [...new Set(rows.map((r) => r.entity.id))]);
    const levels = new Map<number, string>();
    for (const r of rows) {
      if (!levels.has(r.entity.id))
        levels.set(r.entity.id, (await findEntityByCode(ctx.db, r.entity.code))?.level ?? '');
    }
    for (const r of rows) {
      const mine = units.filter((u) => u.entityId === r.entity.id && (r.unit === null || u.id === r.unit.id));
      out.push({
        ...view(c.year, r),
        cycle: { year: c.year, status: c.status, edition: c.edition },
        entityLevel: levels.get(r.entity.id) ?? '',
        units: mine.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
      });
    }
  }
  return out;
}

/** The assessors an office head may assign (its office's), or central staff (any office, or one). */
export async function listAssessors(ctx: ServiceContext, p: Principal, office?: string) {
  ensure(p, canManageAssignments(p), 'see the assessors');
  if (p.role === 'office_head') return listAssessorRows(ctx.db, p.officeProvinceCode ?? '-');
  return listAssessorRows(ctx.db, office || undefined);
}
