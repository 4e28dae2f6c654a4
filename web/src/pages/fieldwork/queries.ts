/** Verification's reads and actions over /api/v1 (submissions, review, audit). */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/http';
import { pageSchema } from '../../api/schemas';
import {
  type SubmissionKind,
  type SubmissionStatus,
  submissionDetailSchema,
  submissionSummarySchema,
} from '../../collect/schemas';

export const reviewKeys = {
  list: (year: number, q: ListQuery) => ['fieldwork', 'submissions', year, q] as const,
  one: (id: string) => ['fieldwork', 'submission', id] as const,
  audit: (id: string) => ['fieldwork', 'audit', id] as const,
  all: ['fieldwork'] as const,
};

export interface ListQuery {
  status?: SubmissionStatus;
  entity?: string;
  kind?: SubmissionKind;
  page: number;
}

const listSchema = z.object({ data: z.array(submissionSummarySchema), page: pageSchema.optional() });

export function useSubmissions(year: number | undefined, q: ListQuery) {
  return useQuery({
    queryKey: reviewKeys.list(year ?? 0, q),
    enabled: year !== undefined,
    queryFn: ({ signal }) => api(`/cycles/${year}/submissions`, listSchema, { signal, query: { ...q, pageSize: 100 } }),
  });
}

const detailAnswer = z.object({ data: submissionDetailSchema });

export function useSubmission(id: string | undefined) {
  return useQuery({
    queryKey: reviewKeys.one(id ?? ''),
    enabled: !!id,
    queryFn: ({ signal }) => api(`/submissions/${id}`, detailAnswer, { signal }).then((r) => r.data),
  });
}

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The audit trail of a submission (null when this role may not read it). */
export function useSubmissionAudit(id: string | undefined) {
  return useQuery({
    queryKey: reviewKeys.audit(id ?? ''),
    enabled: !!id,
    retry: false,
    queryFn: ({ signal }) =>
      api('/audit', z.object({ data: z.array(auditEntrySchema) }), {
        signal,
        query: { subject: `submission:${id}`, pageSize: 200 },
      }).then((r) => r.data),
  });
}

export type ReviewAction = 'verify' | 'validate' | 'return';

export interface ReturnComment {
  indicator: string | null;
  body: string;
}

export function review(id: string, action: ReviewAction, version: number, comments: ReturnComment[] = []) {
  const body = action === 'return' ? { version, comments } : { version };
  return api(`/submissions/${id}/${action}`, detailAnswer, { method: 'POST', body }).then((r) => r.data);
}
