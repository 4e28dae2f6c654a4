/**
 * Reading submissions: a cycle's list for reviewers (scoped), one submission with its
 * versions, comments and history, and the collection app's pull of the assessor's
 * own sheets changed since it last asked.
 */
import { findEntityByCode } from '../../db/repos/entities.ts';
import {
  type CommentRow,
  type EventRow,
  findSubmission,
  listComments,
  listEvents,
  listSubmissions,
  listVersions,
  pullSubmissions,
  type SubmissionFilter,
  type SubmissionRow,
  type VersionRow,
} from '../../db/repos/submissions.ts';
import type { SubmissionKind, SubmissionStatus } from '../../domain/fieldwork/submission.ts';
import { AppError } from '../../errors.ts';
import { cycleScope } from '../auth/cycle-scope.ts';
import { canSeeFieldwork, ensure, refuse, refuseEntity, requireSignedIn } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleCycle } from '../lifecycle/visible-cycles.ts';
import { offsetOf, type Page, type PageRequest } from '../paging.ts';
import { maySeeSubmission } from './subject-policies.ts';

export interface SubmissionQuery extends PageRequest {
  status?: SubmissionStatus | undefined;
  entity?: string | undefined;
  unit?: number | undefined;
  kind?: SubmissionKind | undefined;
}

export async function listCycleSubmissions(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  q: SubmissionQuery,
): Promise<Page<SubmissionRow>> {
  requireSignedIn(p, 'see submissions');
  ensure(p, canSeeFieldwork(p), 'see submissions');
  const cycle = await loadVisibleCycle(ctx, p, year);
  const scope = await cycleScope(ctx, p, cycle.id);
  const f: SubmissionFilter = { cycleId: cycle.id };
  if (scope.kind === 'province') f.provinceCode = scope.provinceCode;
  else if (scope.kind === 'assigned') {
    f.provinceCode = scope.provinceCode;
    f.entityIds = [...scope.entityIds];
  } else if (scope.kind !== 'all') f.entityIds = [];
  if (q.entity) {
    const e = await findEntityByCode(ctx.db, q.entity);
    f.entityIds = e && (!f.entityIds || f.entityIds.includes(e.id)) ? [e.id] : [];
  }
  if (q.status) f.status = q.status;
  if (q.unit !== undefined) f.unitId = q.unit;
  if (q.kind) f.kind = q.kind;
  const { rows, total } = await listSubmissions(ctx.db, f, { offset: offsetOf(q), limit: q.pageSize });
  return { rows, page: q.page, pageSize: q.pageSize, total };
}

export interface SubmissionFull {
  submission: SubmissionRow;
  versions: VersionRow[];
  comments: CommentRow[];
  history: EventRow[];
}

/** One submission for staff within their scope (an assessor: where it is assigned). */
export async function getSubmission(ctx: ServiceContext, p: Principal, id: string): Promise<SubmissionFull> {
  requireSignedIn(p, 'see submissions');
  ensure(p, canSeeFieldwork(p), 'see submissions');
  const notFound = new AppError('NOT_FOUND', `there is no submission ${id}`);
  const submission = await findSubmission(ctx.db, id);
  if (!submission) throw notFound;
  if (!(await maySeeSubmission(p, id, ctx.db))) throw refuseEntity(p, notFound);
  const [versions, comments, history] = await Promise.all([
    listVersions(ctx.db, [id]),
    listComments(ctx.db, [id]),
    listEvents(ctx.db, [id]),
  ]);
  return { submission, versions, comments, history };
}

/** The pull overlaps the last minute before `since`: a change committed late is never skipped (the app merges by id). */
export const PULL_OVERLAP_MS = 60_000;

export interface PullPage {
  rows: Array<{
    submission: SubmissionRow;
    current: VersionRow | undefined;
    comments: CommentRow[];
    history: EventRow[];
  }>;
  next: string | null;
  since: string;
}

const encodeCursor = (r: SubmissionRow) => Buffer.from(`${r.updatedKey}|${r.id}`).toString('base64url');

function decodeCursor(after: string): { key: string; id: string } {
  const [key, id] = Buffer.from(after, 'base64url').toString('utf8').split('|');
  if (
    !key ||
    !id ||
    !/^[0-9a-f-]{36}$/i.test(id) ||
    !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?[+-]\d\d(:\d\d)?$/.test(key)
  ) {
    throw new AppError('VALIDATION_FAILED', 'after: not a cursor this server gave');
  }
  return { key, id };
}

/** The assessor's own sheets changed since `since`, oldest change first, with items, comments and history. */
export async function pullMySubmissions(
  ctx: ServiceContext,
  p: Principal,
  q: { since?: string | undefined; after?: string | undefined; limit: number },
): Promise<PullPage> {
  requireSignedIn(p, 'pull submissions');
  if (p.role !== 'assessor' || p.userId === null) throw refuse(p, 'pull submissions (assessors only)');
  const readAt = new Date();
  const since = q.since ? new Date(Date.parse(q.since) - PULL_OVERLAP_MS) : null;
  const after = q.after ? decodeCursor(q.after) : null;
  const rows = await pullSubmissions(ctx.db, p.userId, since, after, q.limit + 1);
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const ids = page.map((r) => r.id);
  const [current, comments, history] = await Promise.all([
    listVersions(ctx.db, ids, true),
    listComments(ctx.db, ids),
    listEvents(ctx.db, ids),
  ]);
  const by = <T extends { submissionId: string }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of list) m.set(x.submissionId, [...(m.get(x.submissionId) ?? []), x]);
    return m;
  };
  const cur = new Map(current.map((v) => [v.submissionId, v]));
  const com = by(comments);
  const his = by(history);
  const last = page[page.length - 1];
  return {
    rows: page.map((s) => ({
      submission: s,
      current: cur.get(s.id),
      comments: com.get(s.id) ?? [],
      history: his.get(s.id) ?? [],
    })),
    next: more && last ? encodeCursor(last) : null,
    since: readAt.toISOString(),
  };
}
