/**
 * Mentoring (pendampingan): the regional office's sessions with an entity while it
 * follows up on its findings: when, on what, who attended, notes, and the follow-up
 * items it worked on. Logged by the office of the entity's province (head or
 * assessor) or central staff; seen by them and the entity's officials.
 */
import { appendAudit } from '../../db/repos/audit.ts';
import { listItems } from '../../db/repos/follow-up.ts';
import { insertMentoringSession, listMentoringSessions, type MentoringSessionRow } from '../../db/repos/mentoring.ts';
import { AppError } from '../../errors.ts';
import { mayLogMentoring, mayUseFollowUp } from '../auth/follow-up-policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { authorOf, checkDate, loadTarget } from './access.ts';

export interface MentoringSessionView extends Omit<MentoringSessionRow, 'itemIds'> {
  items: Array<{ id: number; indicator: string; title: string }>;
}

async function views(ctx: ServiceContext, cycleId: number, entityId: number): Promise<MentoringSessionView[]> {
  const [sessions, items] = await Promise.all([
    listMentoringSessions(ctx.db, cycleId, entityId),
    listItems(ctx.db, cycleId, entityId),
  ]);
  const byId = new Map(items.map((i) => [i.id, { id: i.id, indicator: i.indicator, title: i.title }]));
  return sessions.map(({ itemIds, ...s }) => ({
    ...s,
    items: itemIds.flatMap((id) => {
      const i = byId.get(id);
      return i ? [i] : [];
    }),
  }));
}

export async function listMentoring(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  code: string,
): Promise<MentoringSessionView[]> {
  const { cycle, entity } = await loadTarget(ctx, p, year, code, mayUseFollowUp(p), 'see mentoring sessions');
  return views(ctx, cycle.id, entity.id);
}

export interface NewMentoringSession {
  /** yyyy-mm-dd */
  date: string;
  topics: readonly string[];
  attendees: readonly string[];
  notes?: string;
  /** follow-up item ids of this entity and cycle */
  items?: readonly number[];
}

const clean = (list: readonly string[]) => [...new Set(list.map((s) => s.trim().replace(/\s+/g, ' ')).filter(Boolean))];

export async function logMentoring(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  code: string,
  input: NewMentoringSession,
): Promise<MentoringSessionView> {
  const { cycle, entity } = await loadTarget(ctx, p, year, code, mayLogMentoring(p), 'log mentoring sessions');
  const heldOn = checkDate(input.date, 'date');
  const topics = clean(input.topics);
  if (topics.length === 0) throw new AppError('VALIDATION_FAILED', 'topics: name at least one topic');
  const attendees = clean(input.attendees);
  const itemIds = [...new Set(input.items ?? [])];
  const own = new Set((await listItems(ctx.db, cycle.id, entity.id)).map((i) => i.id));
  const foreign = itemIds.filter((id) => !own.has(id));
  if (foreign.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `items: ${foreign.join(', ')} ${foreign.length === 1 ? 'is not a follow-up item' : 'are not follow-up items'} of ${entity.name} in ${year}`,
      { issues: [{ path: 'items', message: `unknown items ${foreign.join(', ')}` }] },
    );
  }
  const author = authorOf(p);
  const notes = input.notes?.trim() ?? '';
  const id = await ctx.db.transaction().execute(async (tx) => {
    const id = await insertMentoringSession(tx, {
      cycleId: cycle.id,
      entityId: entity.id,
      heldOn,
      topics,
      attendees,
      notes,
      itemIds,
      author,
    });
    await appendAudit(tx, {
      actor: author.actor,
      action: 'mentoring.create',
      subject: `mentoring:${id}`,
      after: { cycle: year, entity: entity.code, date: heldOn, topics, attendees, notes, items: itemIds },
    });
    return id;
  });
  const created = (await views(ctx, cycle.id, entity.id)).find((s) => s.id === id);
  if (!created) throw new AppError('INTERNAL', `mentoring session ${id} vanished after it was logged`);
  return created;
}
