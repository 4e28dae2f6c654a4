/** Kysely table types of sampling, follow-up, objections and fieldwork (the DB interface is in schema.ts). */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { NullableTimestamp, Timestamp } from './schema.ts';
export interface UnitCandidateTable {
  id: Generated<number>;
  cycle_id: number;
  entity_id: number;
  name: string;
  name_key: string;
  /** the kind as the cycle's sampling rule spells it */
  kind: string;
  /** the unit's service products (names) */
  products: JSONColumnType<string[]>;
}

export interface SampleTable {
  id: Generated<number>;
  cycle_id: number;
  entity_id: number;
  seed: string;
  algorithm: string;
  /** the entity's code when drawn: part of every hashed string */
  entity_code: string;
  /** SamplingRule (domain/sampling/draw.ts) */
  rule: JSONColumnType<object>;
  /** the candidate list drawn from, canonical */
  candidates: JSONColumnType<object>;
  /** SampleResult */
  result: JSONColumnType<object>;
  drawn_by: string;
  /** defaults to now() */
  drawn_at: Timestamp;
}

type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
/** sha256 hashes (hex) of evidence files */
type Evidence = ColumnType<string[], string | undefined, string>;

export interface FollowUpItemTable {
  id: Generated<number>;
  cycle_id: number;
  entity_id: number;
  indicator: string;
  /** the indicator's text (Indonesian) */
  title: string;
  /** what the service standard requires (the instrument's requirement, Indonesian) */
  requirement: string;
  /** the indicator's score and the points it cost when the item was made */
  score: number | null;
  cost: number;
  /** 1 = the costliest finding */
  rank: number;
  status: Generated<string>;
  /** yyyy-mm-dd */
  due_date: NullableDate;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FollowUpUpdateTable {
  id: Generated<number>;
  item_id: number;
  status: string;
  note: string;
  evidence: Evidence;
  actor: string;
  user_id: number | null;
  role: string | null;
  at: Timestamp;
}

export interface MentoringSessionTable {
  id: Generated<number>;
  cycle_id: number;
  entity_id: number;
  /** yyyy-mm-dd */
  held_on: DateColumn;
  topics: JSONColumnType<string[]>;
  attendees: JSONColumnType<string[]>;
  notes: Generated<string>;
  actor: string;
  user_id: number | null;
  created_at: Timestamp;
}

export interface MentoringSessionItemTable {
  session_id: number;
  item_id: number;
}

export interface ObjectionTable {
  id: Generated<number>;
  cycle_id: number;
  entity_id: number;
  unit_id: number;
  indicator: string;
  reason: string;
  evidence: Evidence;
  status: Generated<string>;
  filed_by: string;
  filed_by_user: number | null;
  filed_at: Timestamp;
  decided_by: string | null;
  decided_by_user: number | null;
  decided_at: NullableTimestamp;
  decision_reason: string | null;
  /** accepted: the answers and the entity score before and after */
  correction: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface ObjectionMessageTable {
  id: Generated<number>;
  objection_id: number;
  body: string;
  evidence: Evidence;
  actor: string;
  user_id: number | null;
  role: string | null;
  at: Timestamp;
}

export interface AssignmentTable {
  id: Generated<number>;
  cycle_id: number;
  entity_id: number;
  /** null: the whole entity */
  unit_id: number | null;
  assessor_id: number;
  /** the actor who assigned ("user:12") */
  assigned_by: string;
  /** yyyy-mm-dd */
  starts_on: ColumnType<string | null, string | null | undefined, string | null>;
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

/** One sheet of fieldwork (migration 0004); its content is in submission_versions. */
export interface SubmissionTable {
  /** the client-generated id of the sheet's first post */
  id: string;
  cycle_id: number;
  entity_id: number;
  unit_id: number;
  assessor_id: number;
  kind: string;
  /** '' for a unit's single observation sheet */
  respondent: string;
  status: string;
  /** the current version */
  version: number;
  /** the version whose answers are in `answers` */
  validated_version: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SubmissionVersionTable {
  submission_id: string;
  version: number;
  /** the client id it was posted with; null when made on the server */
  post_id: string | null;
  base_version: number;
  /** PackedItem[] (packItems, domain/fieldwork/submission.ts); JSON text on the way in */
  items: ColumnType<unknown, string, never>;
  content_hash: string;
  author: string;
  author_id: number | null;
  submitted_at: Timestamp;
  client_created_at: NullableTimestamp;
  gps: ColumnType<unknown, string | null, string | null>;
}

export interface SubmissionCommentTable {
  id: Generated<number>;
  submission_id: string;
  version: number;
  indicator: string | null;
  author: string;
  author_id: number | null;
  body: string;
  at: Timestamp;
  resolved: Generated<boolean>;
}

export interface SubmissionEventTable {
  id: Generated<number>;
  submission_id: string;
  version: number;
  from_status: string | null;
  to_status: string;
  actor: string;
  at: Timestamp;
}
