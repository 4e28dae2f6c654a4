/** The fieldwork API's answers: whitelisted fields, dates as ISO strings (shared/fieldwork-schemas.ts). */
import type { CommentRow, EventRow, SubmissionRow, VersionRow } from '../../db/repos/submissions.ts';
import type { SubmissionItem } from '../../domain/fieldwork/submission.ts';
import type { SubmissionFull } from '../../services/fieldwork/read-submissions.ts';
import type {
  CommentView,
  EventView,
  ItemView,
  SubmissionDetail,
  SubmissionSummary,
} from '../../shared/fieldwork-schemas.ts';

export const presentItems = (items: readonly SubmissionItem[]): ItemView[] =>
  items.map((i) => ({ indicator: i.indicator, value: i.value, note: i.note ?? null, evidence: i.evidence ?? [] }));

export const presentSummary = (s: SubmissionRow): SubmissionSummary => ({
  id: s.id,
  year: s.year,
  entity: { code: s.entity.code, name: s.entity.name },
  unit: s.unit,
  kind: s.kind,
  respondent: s.respondent,
  status: s.status,
  version: s.version,
  validatedVersion: s.validatedVersion,
  assessor: s.assessor,
  openComments: s.openComments,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

export const presentComment = (c: CommentRow): CommentView => ({
  id: c.id,
  version: c.version,
  indicator: c.indicator,
  author: { id: c.authorId, name: c.authorName },
  body: c.body,
  at: c.at.toISOString(),
  resolved: c.resolved,
});

export const presentEvent = (e: EventRow): EventView => ({
  version: e.version,
  from: e.from,
  to: e.to,
  actor: e.actor,
  at: e.at.toISOString(),
});

const presentVersion = (v: VersionRow) => ({
  version: v.version,
  baseVersion: v.baseVersion,
  postId: v.postId,
  author: v.author,
  submittedAt: v.submittedAt.toISOString(),
  clientCreatedAt: v.clientCreatedAt?.toISOString() ?? null,
  gps: v.gps ?? null,
  items: presentItems(v.items),
});

export function presentDetail(f: SubmissionFull): SubmissionDetail {
  const current = f.versions.find((v) => v.version === f.submission.version);
  return {
    ...presentSummary(f.submission),
    items: presentItems(current?.items ?? []),
    comments: f.comments.map(presentComment),
    history: f.history.map(presentEvent),
    versions: f.versions.map(presentVersion),
  };
}
