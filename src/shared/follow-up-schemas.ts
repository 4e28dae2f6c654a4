/**
 * The HTTP contract of follow-up (tindak lanjut), mentoring (pendampingan) and
 * objections (sanggahan), issue 5 items 5 and 6: request schemas the server parses
 * with and response types its presenters produce. Imports nothing but zod (and the
 * shared basics), so the web app can take it as it is. docs/api.md describes it.
 */
import { z } from 'zod';
import { pageQuery } from './api-schemas.ts';
import { int4Id, int4IdParam, isoDate } from './scalars.ts';

export const FOLLOW_UP_STATUSES = ['open', 'in_progress', 'done'] as const;
export const OBJECTION_STATUSES = ['open', 'accepted', 'rejected'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
export const MAX_EVIDENCE = 20;

/** sha256 (hex) of a file in the evidence store */
const sha256 = z.string().regex(/^[0-9a-fA-F]{64}$/, 'a sha256 hash: 64 hex digits');
const evidence = z.array(sha256).max(MAX_EVIDENCE);
const longText = z.string().trim().min(1).max(10_000);
const shortText = z.string().trim().min(1).max(200);

// --- path parameters and queries ---
export const followUpIdParams = z.object({ id: int4IdParam });
export const progressQuery = pageQuery.extend({
  /** province code, e.g. 32 */
  province: z
    .string()
    .trim()
    .max(20)
    .optional()
    .transform((v) => (v ? v : undefined)),
});

// --- bodies ---
export const updateFollowUpBody = z
  .object({
    status: z.enum(FOLLOW_UP_STATUSES),
    note: longText,
    evidence: evidence.optional(),
    /** yyyy-mm-dd; null clears it */
    dueDate: isoDate.nullable().optional(),
  })
  .strict();

export const mentoringBody = z
  .object({
    date: isoDate,
    topics: z.array(shortText).min(1).max(20),
    attendees: z.array(shortText).max(200).default([]),
    notes: z.string().max(10_000).optional(),
    /** follow-up item ids of this entity and cycle */
    items: z.array(int4Id).max(100).optional(),
  })
  .strict();

export const objectionBody = z
  .object({
    unitId: int4Id,
    /** an indicator code of the cycle's instrument, e.g. PR.STD.01 */
    indicator: z.string().trim().min(1).max(32),
    reason: longText,
    evidence: evidence.optional(),
  })
  .strict();

export const objectionMessageBody = z.object({ body: longText, evidence: evidence.optional() }).strict();

export const acceptObjectionBody = z
  .object({
    /** the corrected answers of the objection's unit and indicator, by respondent key ("" for an observation) */
    answers: z
      .array(z.object({ respondent: z.string().max(64), value: z.number().int().min(0).max(100).nullable() }).strict())
      .min(1)
      .max(1000),
    reason: longText,
  })
  .strict();

export const rejectObjectionBody = z.object({ reason: longText }).strict();

export type UpdateFollowUpBody = z.input<typeof updateFollowUpBody>;
export type MentoringBody = z.input<typeof mentoringBody>;
export type ObjectionBody = z.input<typeof objectionBody>;
export type ObjectionMessageBody = z.input<typeof objectionMessageBody>;
export type AcceptObjectionBody = z.input<typeof acceptObjectionBody>;
export type RejectObjectionBody = z.input<typeof rejectObjectionBody>;

// --- responses (dates are ISO 8601 strings; calendar dates yyyy-mm-dd) ---
export interface PersonView {
  /** the user's name; null for the CLI */
  name: string | null;
  role: string | null;
  /** which side of the conversation: the entity's officials or the Ombudsman's staff */
  side: 'entity' | 'ombudsman';
}

export interface FollowUpUpdateView {
  id: number;
  status: FollowUpStatus;
  note: string;
  evidence: string[];
  at: string;
  author: PersonView;
}

export interface FollowUpItemView {
  id: number;
  indicator: string;
  /** the indicator's text (Indonesian) */
  title: string;
  /** what the service standard requires (Indonesian) */
  requirement: string;
  /** the entity's score for the indicator (0–100, unrounded) and the points it cost, when the item was made */
  score: number | null;
  cost: number;
  /** 1 = the costliest finding */
  rank: number;
  status: FollowUpStatus;
  dueDate: string | null;
  createdAt: string;
  updatedAt: string;
  /** oldest first */
  updates: FollowUpUpdateView[];
}

export interface FollowUpSummaryView {
  total: number;
  open: number;
  inProgress: number;
  done: number;
  /** 0–100, two decimals; null without items */
  percentDone: number | null;
  mentoringSessions: number;
  lastActivityAt: string | null;
}

export interface EntityFollowUpView {
  cycle: { year: number; status: string };
  entity: { code: string; name: string; level: string; provinceCode: string | null };
  summary: FollowUpSummaryView;
  items: FollowUpItemView[];
  /** the entity's score in every cycle the caller may see, oldest first */
  history: Array<{ year: number; score: number; category: string | null; zone: string; opinion: string }>;
}

export interface MentoringSessionView {
  id: number;
  date: string;
  topics: string[];
  attendees: string[];
  notes: string;
  items: Array<{ id: number; indicator: string; title: string }>;
  loggedBy: PersonView;
  createdAt: string;
}

export interface FollowUpProgressView extends Omit<FollowUpSummaryView, 'lastActivityAt'> {
  entity: { code: string; name: string; level: string; provinceCode: string | null };
  lastActivityAt: string | null;
  /** the entity's score and category in the cycle; null without a result */
  score: number | null;
  category: string | null;
}

export interface ObjectionWindowView {
  /** when results went to the entities (the cycle's move to final); null: never */
  opensAt: string | null;
  closesAt: string | null;
  days: number;
  open: boolean;
  /** why it is closed; null when open */
  reason: string | null;
}

export interface ObjectionView {
  id: number;
  cycle: number;
  status: ObjectionStatus;
  entity: { code: string; name: string };
  unit: { id: number; name: string };
  indicator: {
    code: string;
    text?: { id: string; en: string };
    requirement?: { id: string; en: string };
    method?: string;
    dimension?: string;
    variable?: string;
  };
  reason: string;
  evidence: string[];
  filedAt: string;
  filedBy: PersonView;
  decision: {
    status: 'accepted' | 'rejected';
    reason: string;
    at: string;
    by: PersonView | null;
    /** accepted only: {unit, indicator, answers: {before, after}, entityScore: {before, after}} */
    correction: {
      unit: number;
      indicator: string;
      answers: Record<'before' | 'after', Array<{ respondent: string; value: number | null }>>;
      entityScore: Record<'before' | 'after', { score: number; exact: number; category: string | null } | null>;
    } | null;
  } | null;
}

export interface ObjectionDetailView extends ObjectionView {
  /** the unit's answers for the indicator now */
  answers: Array<{ respondent: string; value: number | null }>;
  /** the unit's score for the indicator now (0–100, unrounded) */
  indicatorScore: number | null;
  /** the thread, oldest first */
  messages: Array<{ id: number; body: string; evidence: string[]; at: string; author: PersonView }>;
}

export interface EntityObjectionsView {
  window: ObjectionWindowView;
  /** latest first */
  objections: ObjectionView[];
}
