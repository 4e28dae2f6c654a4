/**
 * The fieldwork API as the app reads it (assignments, sync, pull, review), checked
 * at the boundary; the request shapes come from src/shared/fieldwork-schemas.ts.
 * Objects are not strict: the server may add fields. contract.ts below this file's
 * types checks at compile time that the server's response types fit.
 */
import { SUBMISSION_KINDS, SUBMISSION_STATUSES, SYNC_OUTCOMES } from '@shared/fieldwork-schemas.ts';
import { z } from 'zod';

export type {
  SubmissionKind,
  SubmissionStatus,
  SyncItem,
  SyncOutcome,
  SyncSubmission,
} from '@shared/fieldwork-schemas.ts';
export { MAX_SYNC_BATCH, SUBMISSION_KINDS, SUBMISSION_STATUSES } from '@shared/fieldwork-schemas.ts';

const localText = z.object({ id: z.string(), en: z.string() });
const named = z.object({ code: z.string(), name: z.string() });

// --- the instrument in full (GET /cycles/:year/instrument) ---
export const scaleLevelSchema = z.object({ value: z.number(), id: z.string(), en: z.string() });
export const fullIndicatorSchema = z.object({
  code: z.string(),
  text: localText,
  method: z.enum(SUBMISSION_KINDS),
  respondents: z.number(),
  evidence: z.enum(['none', 'photo', 'document']),
  appliesTo: z.array(z.string()).nullable().optional(),
  requirement: localText.optional(),
  scale: z.array(scaleLevelSchema),
});
export type FullIndicator = z.infer<typeof fullIndicatorSchema>;
export const instrumentSchema = z.object({
  data: z.object({
    year: z.number(),
    serviceUsersPerUnit: z.number(),
    instrument: z.object({
      edition: z.string(),
      name: localText,
      dimensions: z.array(
        z.object({
          code: z.string(),
          name: localText,
          variables: z.array(z.object({ code: z.string(), name: localText, indicators: z.array(fullIndicatorSchema) })),
        }),
      ),
    }),
  }),
});
export type FullInstrument = z.infer<typeof instrumentSchema>['data']['instrument'];

// --- assignments ---
export const unitRefSchema = z.object({ id: z.number(), name: z.string(), kind: z.string().nullable().optional() });
export const myAssignmentSchema = z.object({
  id: z.number(),
  year: z.number(),
  entity: named,
  entityLevel: z.string(),
  unit: z.object({ id: z.number(), name: z.string() }).nullable(),
  cycle: z.object({ year: z.number(), status: z.string(), edition: z.string().nullable() }),
  units: z.array(unitRefSchema),
  startsOn: z.string().nullable().optional(),
  endsOn: z.string().nullable().optional(),
});
export type MyAssignment = z.infer<typeof myAssignmentSchema>;
export const myAssignmentsSchema = z.object({ data: z.array(myAssignmentSchema) });

export const assignmentSchema = z.object({
  id: z.number(),
  year: z.number(),
  entity: named,
  unit: z.object({ id: z.number(), name: z.string() }).nullable(),
  assessor: z.object({ id: z.number(), email: z.string(), name: z.string().nullable() }),
  startsOn: z.string().nullable().optional(),
  endsOn: z.string().nullable().optional(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

// --- answers, comments, history ---
export const itemSchema = z.object({
  indicator: z.string(),
  value: z.number().nullable(),
  note: z.string().nullable().optional(),
  evidence: z.array(z.string()).default([]),
});
export type ServerItem = z.infer<typeof itemSchema>;

export const commentSchema = z.object({
  id: z.number(),
  version: z.number(),
  indicator: z.string().nullable(),
  author: z.object({ id: z.number().nullable(), name: z.string().nullable() }),
  body: z.string(),
  at: z.string(),
  resolved: z.boolean(),
});
export type Comment = z.infer<typeof commentSchema>;

export const eventSchema = z.object({
  version: z.number(),
  from: z.enum(SUBMISSION_STATUSES).nullable(),
  to: z.enum(SUBMISSION_STATUSES),
  actor: z.string(),
  at: z.string(),
});
export type SubmissionEvent = z.infer<typeof eventSchema>;

// --- sync ---
export const syncResultSchema = z.object({
  id: z.string(),
  status: z.enum(SYNC_OUTCOMES),
  submissionId: z.string().nullable().optional(),
  version: z.number().nullable(),
  submissionStatus: z.enum(SUBMISSION_STATUSES).nullable().optional(),
  serverItems: z.array(itemSchema).optional(),
  error: z.object({ code: z.string(), reason: z.string().optional(), message: z.string() }).optional(),
});
export type SyncResult = z.infer<typeof syncResultSchema>;
export const syncAnswerSchema = z.object({
  data: z.object({ results: z.array(syncResultSchema), serverTime: z.string().optional() }),
});

// --- submissions (pull and review) ---
export const submissionSummarySchema = z.object({
  id: z.string(),
  year: z.number(),
  entity: named,
  unit: z.object({ id: z.number(), name: z.string() }),
  kind: z.enum(SUBMISSION_KINDS),
  respondent: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  version: z.number(),
  validatedVersion: z.number().nullable().optional(),
  assessor: z.object({ id: z.number(), name: z.string().nullable() }),
  openComments: z.number().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SubmissionSummary = z.infer<typeof submissionSummarySchema>;

export const pulledSchema = submissionSummarySchema.extend({
  items: z.array(itemSchema),
  comments: z.array(commentSchema).default([]),
  history: z.array(eventSchema).default([]),
});
export type PulledSubmission = z.infer<typeof pulledSchema>;
export const pullSchema = z.object({ data: z.array(pulledSchema), next: z.string().nullable(), since: z.string() });

export const submissionDetailSchema = pulledSchema.extend({
  versions: z
    .array(
      z.object({
        version: z.number(),
        baseVersion: z.number(),
        author: z.string(),
        submittedAt: z.string(),
        clientCreatedAt: z.string().nullable().optional(),
        gps: z.unknown().optional(),
        items: z.array(itemSchema),
      }),
    )
    .default([]),
});
export type SubmissionDetail = z.infer<typeof submissionDetailSchema>;

export const evidenceSchema = z.object({ sha256: z.string(), mediaType: z.string(), size: z.number() });
