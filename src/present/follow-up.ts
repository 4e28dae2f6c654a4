/** The API's shapes for follow-up and mentoring (src/shared/follow-up-schemas.ts): dates as ISO strings, people by name and side. */
import { sideOf } from '../services/auth/follow-up-policy.ts';
import type { EntityFollowUp, FollowUpItemView as ItemRow } from '../services/follow-up/items.ts';
import type { MentoringSessionView as SessionRow } from '../services/follow-up/mentoring.ts';
import type { ProgressView } from '../services/follow-up/progress.ts';
import type {
  EntityFollowUpView,
  FollowUpItemView,
  FollowUpProgressView,
  FollowUpStatus,
  MentoringSessionView,
  PersonView,
} from '../shared/follow-up-schemas.ts';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

export function presentPerson(a: { name: string | null; role: string | null }): PersonView {
  return { name: a.name, role: a.role, side: sideOf(a.role) };
}

export function presentItem(i: ItemRow): FollowUpItemView {
  return {
    id: i.id,
    indicator: i.indicator,
    title: i.title,
    requirement: i.requirement,
    score: i.score,
    cost: i.cost,
    rank: i.rank,
    status: i.status as FollowUpStatus,
    dueDate: i.dueDate,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    updates: i.updates.map((u) => ({
      id: u.id,
      status: u.status as FollowUpStatus,
      note: u.note,
      evidence: u.evidence,
      at: u.at.toISOString(),
      author: presentPerson(u.author),
    })),
  };
}

export function presentEntityFollowUp(x: EntityFollowUp): EntityFollowUpView {
  return {
    cycle: x.cycle,
    entity: x.entity,
    summary: { ...x.summary, lastActivityAt: iso(x.summary.lastActivityAt) },
    items: x.items.map(presentItem),
    history: x.history,
  };
}

export function presentSession(s: SessionRow): MentoringSessionView {
  return {
    id: s.id,
    date: s.heldOn,
    topics: s.topics,
    attendees: s.attendees,
    notes: s.notes,
    items: s.items,
    loggedBy: presentPerson(s.author),
    createdAt: s.createdAt.toISOString(),
  };
}

export function presentProgress(r: ProgressView): FollowUpProgressView {
  return {
    entity: r.entity,
    total: r.total,
    open: r.open,
    inProgress: r.inProgress,
    done: r.done,
    percentDone: r.percentDone,
    mentoringSessions: r.mentoringSessions,
    lastActivityAt: iso(r.lastActivityAt),
    score: r.score,
    category: r.category,
  };
}
