/**
 * An entity's follow-up in a cycle: its items with their updates, its mentoring
 * sessions counted, the share done, the last activity and its score history (the
 * "progress toward the next cycle" page); and an item's status update, with a note
 * and evidence, by the entity's officials or the Ombudsman's staff.
 */
import { appendAudit } from '../../db/repos/audit.ts';
import { listCycles } from '../../db/repos/cycles.ts';
import { findEntityById } from '../../db/repos/entities.ts';
import {
  type FollowUpItemRow,
  type FollowUpUpdateRow,
  findItem,
  insertUpdate,
  listItems,
  listUpdates,
  updateItem,
} from '../../db/repos/follow-up.ts';
import { listMentoringSessions } from '../../db/repos/mentoring.ts';
import { type FollowUpStatus, type FollowUpTally, tallyStatuses } from '../../domain/follow-up/follow-up.ts';
import { AppError } from '../../errors.ts';
import { mayUseFollowUp } from '../auth/follow-up-policy.ts';
import { canSeeCycle, canSeeEntity, ensure, refuseEntity } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { entityHistory, type HistoryPoint } from '../results/entity-result.ts';
import { authorOf, checkDate, loadTarget } from './access.ts';
import { attachEvidence, normaliseEvidence } from './evidence.ts';

export interface FollowUpItemView extends FollowUpItemRow {
  updates: FollowUpUpdateRow[];
}

export interface FollowUpSummary extends FollowUpTally {
  mentoringSessions: number;
  lastActivityAt: Date | null;
}

export interface EntityFollowUp {
  cycle: { year: number; status: string };
  entity: { code: string; name: string; level: string; provinceCode: string | null };
  summary: FollowUpSummary;
  items: FollowUpItemView[];
  history: HistoryPoint[];
}

function latest(dates: Iterable<Date>): Date | null {
  let out: Date | null = null;
  for (const d of dates) if (out === null || d.getTime() > out.getTime()) out = d;
  return out;
}

export async function entityFollowUp(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  code: string,
): Promise<EntityFollowUp> {
  const { cycle, entity } = await loadTarget(ctx, p, year, code, mayUseFollowUp(p), 'see follow-up');
  const [items, sessions] = await Promise.all([
    listItems(ctx.db, cycle.id, entity.id),
    listMentoringSessions(ctx.db, cycle.id, entity.id),
  ]);
  const updates = await listUpdates(
    ctx.db,
    items.map((i) => i.id),
  );
  const views = items.map((i) => ({ ...i, updates: updates.filter((u) => u.itemId === i.id) }));
  const activity = [
    ...items.flatMap((i) => [i.createdAt, i.updatedAt]),
    ...updates.map((u) => u.at),
    ...sessions.map((s) => s.createdAt),
  ];
  return {
    cycle: { year: cycle.year, status: cycle.status },
    entity: { code: entity.code, name: entity.name, level: entity.level, provinceCode: entity.provinceCode },
    summary: {
      ...tallyStatuses(items.map((i) => i.status)),
      mentoringSessions: sessions.length,
      lastActivityAt: latest(activity),
    },
    items: views,
    history: await entityHistory(ctx, p, entity.id),
  };
}

export interface ItemUpdate {
  status: FollowUpStatus;
  note: string;
  evidence?: readonly string[];
  /** yyyy-mm-dd; null clears it */
  dueDate?: string | null;
}

/** PATCH /follow-up/:id: a new status with a note (and evidence), kept as the item's history. */
export async function updateFollowUpItem(
  ctx: ServiceContext,
  p: Principal,
  id: number,
  u: ItemUpdate,
): Promise<FollowUpItemView> {
  ensure(p, mayUseFollowUp(p), 'update follow-up items');
  const notFound = new AppError('NOT_FOUND', `there is no follow-up item ${id}`);
  const item = await findItem(ctx.db, id);
  if (!item) throw notFound;
  const cycle = (await listCycles(ctx.db)).find((c) => c.id === item.cycleId);
  const entity = await findEntityById(ctx.db, item.entityId);
  if (!cycle || !entity || !canSeeCycle(p, cycle)) throw notFound;
  if (!canSeeEntity(p, entity)) throw refuseEntity(p, notFound);
  const note = u.note.trim();
  if (!note) throw new AppError('VALIDATION_FAILED', 'note: say what was done (or why the status changes)');
  const dueDate = u.dueDate === undefined || u.dueDate === null ? u.dueDate : checkDate(u.dueDate, 'dueDate');
  const evidence = normaliseEvidence(u.evidence ?? []);
  return ctx.db.transaction().execute(async (tx) => {
    const before = (await findItem(tx, id, true)) as FollowUpItemRow;
    const after = await updateItem(tx, id, { status: u.status, ...(dueDate !== undefined ? { dueDate } : {}) });
    await insertUpdate(tx, { itemId: id, status: u.status, note, evidence, author: authorOf(p) });
    await appendAudit(tx, {
      actor: authorOf(p).actor,
      action: 'followup.update',
      subject: `followup:${id}`,
      before: { status: before.status, dueDate: before.dueDate },
      after: { status: after.status, dueDate: after.dueDate, note, evidence },
    });
    await attachEvidence(tx, p, `followup:${id}`, evidence, item.indicator);
    return { ...after, updates: await listUpdates(tx, [id]) };
  });
}
