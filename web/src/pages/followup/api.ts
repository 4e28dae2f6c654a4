/**
 * Follow-up, mentoring and objections over /api/v1 (docs/api.md): tolerant zod
 * schemas checked at the boundary, a compile-time check against the server's types
 * (src/shared/follow-up-schemas.ts), one hook per read and one per change.
 */
import type {
  AcceptObjectionBody,
  EntityFollowUpView,
  FollowUpProgressView,
  MentoringBody,
  MentoringSessionView,
  ObjectionBody,
  ObjectionDetailView,
  ObjectionView,
  ObjectionWindowView,
  UpdateFollowUpBody,
} from '@shared/follow-up-schemas.ts';
import { FOLLOW_UP_STATUSES, OBJECTION_STATUSES } from '@shared/follow-up-schemas.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { Fits } from '../../api/contract';
import { api } from '../../api/http';
import { listOf, oneOf, pageSchema } from '../../api/schemas';

export { FOLLOW_UP_STATUSES, OBJECTION_STATUSES };

const localText = z.object({ id: z.string(), en: z.string() });
const person = z.object({
  name: z.string().nullable(),
  role: z.string().nullable(),
  side: z.enum(['entity', 'ombudsman']),
});
export type Person = z.infer<typeof person>;
const answer = z.object({ respondent: z.string(), value: z.number().nullable() });

export const updateSchema = z.object({
  id: z.number(),
  status: z.enum(FOLLOW_UP_STATUSES),
  note: z.string(),
  evidence: z.array(z.string()),
  at: z.string(),
  author: person,
});
export const itemSchema = z.object({
  id: z.number(),
  indicator: z.string(),
  title: z.string(),
  requirement: z.string(),
  score: z.number().nullable(),
  cost: z.number(),
  rank: z.number(),
  status: z.enum(FOLLOW_UP_STATUSES),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updates: z.array(updateSchema),
});
export type Item = z.infer<typeof itemSchema>;

const summary = z.object({
  total: z.number(),
  open: z.number(),
  inProgress: z.number(),
  done: z.number(),
  percentDone: z.number().nullable(),
  mentoringSessions: z.number(),
  lastActivityAt: z.string().nullable(),
});
const entityRef = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  provinceCode: z.string().nullable(),
});

export const entityFollowUpSchema = z.object({
  cycle: z.object({ year: z.number(), status: z.string() }),
  entity: entityRef,
  summary,
  items: z.array(itemSchema),
  history: z.array(
    z.object({
      year: z.number(),
      score: z.number(),
      category: z.string().nullable(),
      zone: z.string(),
      opinion: z.string(),
    }),
  ),
});
export type EntityFollowUp = z.infer<typeof entityFollowUpSchema>;

export const sessionSchema = z.object({
  id: z.number(),
  date: z.string(),
  topics: z.array(z.string()),
  attendees: z.array(z.string()),
  notes: z.string(),
  items: z.array(z.object({ id: z.number(), indicator: z.string(), title: z.string() })),
  loggedBy: person,
  createdAt: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

export const progressSchema = summary.extend({
  entity: entityRef,
  score: z.number().nullable(),
  category: z.string().nullable(),
});
export type Progress = z.infer<typeof progressSchema>;

export const windowSchema = z.object({
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  days: z.number(),
  open: z.boolean(),
  reason: z.string().nullable(),
});

const scoreAt = z.object({ score: z.number(), exact: z.number(), category: z.string().nullable() }).nullable();
export const objectionSchema = z.object({
  id: z.number(),
  cycle: z.number(),
  status: z.enum(OBJECTION_STATUSES),
  entity: z.object({ code: z.string(), name: z.string() }),
  unit: z.object({ id: z.number(), name: z.string() }),
  indicator: z.object({
    code: z.string(),
    text: localText.optional(),
    requirement: localText.optional(),
    method: z.string().optional(),
  }),
  reason: z.string(),
  evidence: z.array(z.string()),
  filedAt: z.string(),
  filedBy: person,
  decision: z
    .object({
      status: z.enum(['accepted', 'rejected']),
      reason: z.string(),
      at: z.string(),
      by: person.nullable(),
      correction: z
        .object({
          answers: z.object({ before: z.array(answer), after: z.array(answer) }),
          entityScore: z.object({ before: scoreAt, after: scoreAt }),
        })
        .nullable(),
    })
    .nullable(),
});
export type Objection = z.infer<typeof objectionSchema>;
export const objectionDetailSchema = objectionSchema.extend({
  answers: z.array(answer),
  indicatorScore: z.number().nullable(),
  messages: z.array(
    z.object({ id: z.number(), body: z.string(), evidence: z.array(z.string()), at: z.string(), author: person }),
  ),
});
export type ObjectionDetail = z.infer<typeof objectionDetailSchema>;

/** `tsc -p web` fails here when the server's answers stop fitting what these screens parse. */
export const followUpContractFits: [
  Fits<EntityFollowUpView, z.input<typeof entityFollowUpSchema>>,
  Fits<MentoringSessionView, z.input<typeof sessionSchema>>,
  Fits<FollowUpProgressView, z.input<typeof progressSchema>>,
  Fits<ObjectionWindowView, z.input<typeof windowSchema>>,
  Fits<ObjectionView, z.input<typeof objectionSchema>>,
  Fits<ObjectionDetailView, z.input<typeof objectionDetailSchema>>,
] = [true, true, true, true, true, true];

const entityPath = (year: number, code: string) => `/cycles/${year}/entities/${encodeURIComponent(code)}`;
export const fkeys = {
  entity: (year: number, code: string) => ['follow-up', year, code] as const,
  mentoring: (year: number, code: string) => ['mentoring', year, code] as const,
  objections: (year: number, code: string) => ['objections', year, code] as const,
  objection: (id: number) => ['objection', id] as const,
  inbox: (year: number, status: string) => ['objection-inbox', year, status] as const,
  progress: (year: number) => ['follow-up-progress', year] as const,
};

export function useEntityFollowUp(year: number, code: string) {
  return useQuery({
    queryKey: fkeys.entity(year, code),
    queryFn: ({ signal }) =>
      api(`${entityPath(year, code)}/follow-up`, oneOf(entityFollowUpSchema), { signal }).then((r) => r.data),
  });
}

export function useMentoring(year: number, code: string) {
  return useQuery({
    queryKey: fkeys.mentoring(year, code),
    queryFn: ({ signal }) =>
      api(`${entityPath(year, code)}/mentoring`, listOf(sessionSchema), { signal }).then((r) => r.data),
  });
}

export function useEntityObjections(year: number, code: string) {
  return useQuery({
    queryKey: fkeys.objections(year, code),
    queryFn: ({ signal }) =>
      api(
        `${entityPath(year, code)}/objections`,
        oneOf(z.object({ window: windowSchema, objections: z.array(objectionSchema) })),
        {
          signal,
        },
      ).then((r) => r.data),
  });
}

export function useObjection(id: number) {
  return useQuery({
    queryKey: fkeys.objection(id),
    queryFn: ({ signal }) => api(`/objections/${id}`, oneOf(objectionDetailSchema), { signal }).then((r) => r.data),
  });
}

export function useInbox(year: number | undefined, status: string) {
  return useQuery({
    queryKey: fkeys.inbox(year ?? 0, status),
    enabled: year !== undefined,
    queryFn: ({ signal }) =>
      api(`/cycles/${year}/objections`, z.object({ data: z.array(objectionSchema), total: z.number() }), {
        signal,
        query: { status },
      }),
  });
}

export function useProgress(year: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: fkeys.progress(year ?? 0),
    enabled: enabled && year !== undefined,
    queryFn: ({ signal }) =>
      api(`/cycles/${year}/follow-up/progress`, z.object({ data: z.array(progressSchema), page: pageSchema }), {
        signal,
        query: { pageSize: 200 },
      }).then((r) => r.data),
  });
}

/** Uploads evidence (POST /api/v1/evidence) and answers its sha256; `subject` links it, e.g. `followup:12`. */
export async function uploadEvidence(file: File, subject?: string): Promise<string> {
  const form = new FormData();
  if (subject) form.set('subject', subject);
  form.set('file', file);
  const r = await api('/evidence', oneOf(z.object({ sha256: z.string() })), { method: 'POST', body: form });
  return r.data.sha256;
}

/** The changes; each refreshes what it changed. */
export function useFollowUpActions(year: number, code: string) {
  const qc = useQueryClient();
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: fkeys.entity(year, code) }),
      qc.invalidateQueries({ queryKey: fkeys.mentoring(year, code) }),
      qc.invalidateQueries({ queryKey: fkeys.progress(year) }),
    ]);
  return {
    update: useMutation({
      mutationFn: ({ id, body }: { id: number; body: UpdateFollowUpBody }) =>
        api(`/follow-up/${id}`, oneOf(itemSchema), { method: 'PATCH', body }),
      onSuccess: refresh,
    }),
    generate: useMutation({
      mutationFn: () =>
        api(`${entityPath(year, code)}/follow-up/generate`, oneOf(z.object({ created: z.number() })), {
          method: 'POST',
        }),
      onSuccess: refresh,
    }),
    mentor: useMutation({
      mutationFn: (body: MentoringBody) =>
        api(`${entityPath(year, code)}/mentoring`, oneOf(sessionSchema), { method: 'POST', body }),
      onSuccess: refresh,
    }),
    file: useMutation({
      mutationFn: (body: ObjectionBody) =>
        api(`${entityPath(year, code)}/objections`, oneOf(objectionDetailSchema), { method: 'POST', body }),
      onSuccess: () => qc.invalidateQueries({ queryKey: fkeys.objections(year, code) }),
    }),
  };
}

export function useObjectionActions(id: number) {
  const qc = useQueryClient();
  const done = (r: { data: ObjectionDetail }) => {
    qc.setQueryData(fkeys.objection(id), r.data);
    void qc.invalidateQueries({
      predicate: (q) =>
        ['objections', 'objection-inbox', 'results', 'entity-result', 'unit'].includes(String(q.queryKey[0])),
    });
  };
  return {
    message: useMutation({
      mutationFn: (body: { body: string; evidence?: string[] }) =>
        api(`/objections/${id}/messages`, oneOf(objectionDetailSchema), { method: 'POST', body }),
      onSuccess: done,
    }),
    accept: useMutation({
      mutationFn: (body: AcceptObjectionBody) =>
        api(`/objections/${id}/accept`, oneOf(objectionDetailSchema), { method: 'POST', body }),
      onSuccess: done,
    }),
    reject: useMutation({
      mutationFn: (reason: string) =>
        api(`/objections/${id}/reject`, oneOf(objectionDetailSchema), { method: 'POST', body: { reason } }),
      onSuccess: done,
    }),
  };
}
