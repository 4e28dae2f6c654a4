/** The fieldwork API's answers: whitelisted fields, dates as ISO strings (shared/fieldwork-schemas.ts). */
import type { SubmissionItem, SubmissionKind, SubmissionStatus } from '../domain/fieldwork/submission.ts';
import type {
  CommentView,
  EventView,
  ItemView,
  SubmissionDetail,
  SubmissionSummary,
} from '../shared/fieldwork-schemas.ts';

/** What the presenters need of a submission, its comments, its events and its versions. */
export interface PresentableSubmission {
  id: string;
  year: number;
  entity: { code: string; name: string };
  unit: { id: number; name: string };
  kind: SubmissionKind;
  respondent: string;
  status: SubmissionStatus;
  version: number;
  validatedVersion: number | null;
  assessor: { id: number; name: string };
  openComments: number;
  createdAt: Date;
  updatedAt: Date;
}
export interface PresentableComment {
  id: number;
  version: number;
  indicator: string | null;
  authorId: number | null;
  authorName: string | null;
  body: string;
  at: Date;
  resolved: boolean;
}
export interface PresentableEvent {
  version: number;
  from: SubmissionStatus | null;
  to: SubmissionStatus;
  actor: string;
  at: Date;
}
export interface PresentableVersion {
  version: number;
  baseVersion: number;
  postId: string | null;
  author: string;
  submittedAt: Date;
  clientCreatedAt: Date | null;
  gps: unknown;
  items: readonly SubmissionItem[];
}
export interface PresentableSubmissionFull {
  submission: PresentableSubmission;
  versions: readonly PresentableVersion[];
  comments: readonly PresentableComment[];
  history: readonly PresentableEvent[];
}

export const presentItems = (items: readonly SubmissionItem[]): ItemView[] =>
  items.map((i) => ({ indicator: i.indicator, value: i.value, note: i.note ?? null, evidence: i.evidence ?? [] }));

export const presentSummary = (s: PresentableSubmission): SubmissionSummary => ({
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

export const presentComment = (c: PresentableComment): CommentView => ({
  id: c.id,
  version: c.version,
  indicator: c.indicator,
  author: { id: c.authorId, name: c.authorName },
  body: c.body,
  at: c.at.toISOString(),
  resolved: c.resolved,
});

export const presentEvent = (e: PresentableEvent): EventView => ({
  version: e.version,
  from: e.from,
  to: e.to,
  actor: e.actor,
  at: e.at.toISOString(),
});

const presentVersion = (v: PresentableVersion) => ({
  version: v.version,
  baseVersion: v.baseVersion,
  postId: v.postId,
  author: v.author,
  submittedAt: v.submittedAt.toISOString(),
  clientCreatedAt: v.clientCreatedAt?.toISOString() ?? null,
  gps: v.gps ?? null,
  items: presentItems(v.items),
});

export function presentDetail(f: PresentableSubmissionFull): SubmissionDetail {
  const current = f.versions.find((v) => v.version === f.submission.version);
  return {
    ...presentSummary(f.submission),
    items: presentItems(current?.items ?? []),
    comments: f.comments.map(presentComment),
    history: f.history.map(presentEvent),
    versions: f.versions.map(presentVersion),
  };
}
