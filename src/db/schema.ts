/** Kysely table types: the database's rows, kept apart from domain types. */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface RegionalOfficeTable {
  id: Generated<number>;
  code: string;
  name: string;
  province_code: string;
}

export interface EntityTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: string;
  province_code: string | null;
  aliases: JSONColumnType<string[]>;
  active: Generated<boolean>;
  /** the last year a split or reshaped body existed (migration 0008); null while it exists */
  until_year: ColumnType<number | null, number | null | undefined, number | null>;
  /** codes of the bodies that took over its services; null exactly when until_year is */
  successor_codes: ColumnType<string[] | null, string | null | undefined, string | null>;
}

export interface CycleTable {
  id: Generated<number>;
  year: number;
  /** the assessment's unique code, e.g. "2026-pemda"; "<year>" for cycles made before migration 0017 */
  code: string;
  /** 'official' or 'self' (a self-assessment answers the units of its parent) */
  track: Generated<string>;
  /** the levels of entity it covers */
  levels: ColumnType<string[], string | undefined, string>;
  /** a self-assessment's official assessment, whose units it shares */
  parent_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** instrument edition; null for a cycle known only by its published results */
  edition: string | null;
  band_scheme: string;
  status: string;
  settings: JSONColumnType<{
    serviceUsersPerUnit?: number;
    objectionDays?: number;
    followUpItems?: number;
    /** the day by which due supervision products count for the qualifier (from 2025) */
    referenceDate?: string;
  }>;
  created_at: Generated<Timestamp>;
  /** when the cycle last moved to final (results go to the entities); the objection window counts from it */
  final_at: NullableTimestamp;
}

/** An instrument edition as an assessment first used it (frozen: migration 0017). */
export interface InstrumentEditionTable {
  code: string;
  /** sha256 of the edition file's JSON content */
  hash: string;
  content: JSONColumnType<Record<string, unknown>>;
  stored_at: Generated<Timestamp>;
}

export interface UnitTable {
  id: Generated<number>;
  cycle_id: number;
  entity_id: number;
  name: string;
  name_key: string;
  kind: string | null;
  active: Generated<boolean>;
  synthetic: Generated<boolean>;
  /** the province of a vertical office (migration 0019); null otherwise */
  province_code: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RespondentTable {
  id: Generated<number>;
  unit_id: number;
  key: string;
  kind: string;
}

export interface AnswerTable {
  id: Generated<string>;
  cycle_id: number;
  unit_id: number;
  indicator: string;
  /** '' for observation and document items */
  respondent: string;
  /** on the indicator's scale (the instrument's); null = not applicable */
  value: number | null;
  answered_by: string;
  answered_at: Timestamp;
}

export interface PublishedEntityResultTable {
  cycle_id: number;
  entity_id: number;
  score: number;
  source: string;
  imported_at: Generated<Timestamp>;
}

export interface PublishedUnitResultTable {
  cycle_id: number;
  entity_id: number;
  unit_id: number;
  score: number;
}

export interface ComputedUnitResultTable {
  cycle_id: number;
  unit_id: number;
  entity_id: number;
  score: number | null;
  complete: boolean;
  required: number;
  answered: number;
  dimensions: JSONColumnType<Array<{ code: string; score: number | null }>>;
  computed_at: Generated<Timestamp>;
}

export interface ComputedEntityResultTable {
  cycle_id: number;
  entity_id: number;
  score: number | null;
  complete: boolean;
  scored_units: number;
  computed_at: Generated<Timestamp>;
}

/** an entity's result of a cycle as presented, written with its inputs (migration 0016) */
export interface StoredResultTable {
  cycle_id: number;
  entity_id: number;
  entity_code: string;
  exact_score: number;
  score: number;
  category: string | null;
  opinion: string;
  zone: string | null;
  rank: number;
  province_rank: number | null;
  view: JSONColumnType<Record<string, unknown>>;
  stored_at: Generated<Timestamp>;
}

/** public trust per cycle and entity (migration 0019) */
export interface PublicTrustTable {
  cycle_id: number;
  entity_id: number;
  trust_score: number;
  perception: number | null;
  source: string;
  recorded_at: Timestamp;
}

/** the Ombudsman's supervision products per entity (migration 0019) */
export interface SupervisionProductTable {
  id: Generated<number>;
  entity_id: number;
  kind: string;
  number: string;
  issued_on: string;
  due_on: string;
  status: string;
  evidence_hashes: JSONColumnType<string[]>;
  note: string | null;
  updated_at: Timestamp;
}

/** withheld report cards and certificates (migration 0019) */
export interface AwardHoldTable {
  id: Generated<number>;
  cycle_id: number;
  entity_id: number;
  unit_id: number | null;
  reason: string;
  held_by: string;
  held_at: Timestamp;
  released_by: string | null;
  released_at: NullableTimestamp;
}

export interface StoredResultBasisTable {
  cycle_id: number;
  basis: string;
  stored_at: Generated<Timestamp>;
}

export interface UserTable {
  id: Generated<number>;
  /** lower case */
  email: string;
  name: string;
  password_hash: string;
  role: string;
  entity_id: number | null;
  office_id: number | null;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  created_at: Timestamp;
}

/** one sign-in throttle: a key (account+network, network, account) and its counted attempts */
export interface SignInThrottleTable {
  key: string;
  attempts: Generated<number>;
  window_start: Timestamp;
  /** lockouts so far: the next one lasts twice as long */
  strikes: Generated<number>;
  blocked_until: NullableTimestamp;
  expires_at: Timestamp;
}

export interface SessionTable {
  /** sha256 (hex) of the token the browser holds */
  id: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  /** sha256 (hex) of the token */
  hash: string;
  name: string;
  role: string;
  entity_id: number | null;
  office_id: number | null;
  created_by: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
}

export interface AuditEntryTable {
  /** bigserial; int8 is parsed as a number (database.ts) */
  id: Generated<number>;
  at: Timestamp;
  actor: string;
  action: string;
  subject: string;
  /** JSON text on the way in */
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  /** the chain (migration 0005, docs/audit.md): written only by appendAuditMany */
  seq: ColumnType<number, number, never>;
  prev_hash: ColumnType<string, string, never>;
  hash: ColumnType<string, string, never>;
}

/** One row (id 1): the last seq and hash of the audit chain; appends lock it. */
export interface AuditChainHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** A file held by the blob store, by the sha256 (hex) of its bytes. */
export interface EvidenceTable {
  sha256: string;
  /** sniffed from the bytes: image/jpeg, image/png, image/webp, application/pdf */
  media_type: string;
  size: number;
  /** the user who first uploaded it (null: the CLI) */
  created_by: number | null;
  /** defaults to now() */
  created_at: Timestamp;
}

/** Who uploaded a piece of evidence: one row per (file, user), the same bytes from several people (0021). */
export interface EvidenceUploadTable {
  evidence_sha256: string;
  user_id: number;
  /** defaults to now(): the first time this user uploaded these bytes */
  at: Timestamp;
}

/** What a piece of evidence supports: "submission:<uuid>", "followup:<id>", "unit:<id>" … */
export interface EvidenceLinkTable {
  id: Generated<number>;
  evidence_sha256: string;
  subject: string;
  /** the indicator (item) code, when the evidence supports one item */
  item: string | null;
  linked_by: string;
  /** defaults to now() */
  at: Timestamp;
}

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

export interface DB {
  regional_offices: RegionalOfficeTable;
  entities: EntityTable;
  cycles: CycleTable;
  instrument_editions: InstrumentEditionTable;
  units: UnitTable;
  respondents: RespondentTable;
  answers: AnswerTable;
  published_entity_results: PublishedEntityResultTable;
  published_unit_results: PublishedUnitResultTable;
  computed_unit_results: ComputedUnitResultTable;
  computed_entity_results: ComputedEntityResultTable;
  stored_results: StoredResultTable;
  stored_results_basis: StoredResultBasisTable;
  public_trust: PublicTrustTable;
  supervision_products: SupervisionProductTable;
  award_holds: AwardHoldTable;
  sign_in_throttle: SignInThrottleTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_entries: AuditEntryTable;
  audit_chain_head: AuditChainHeadTable;
  evidence: EvidenceTable;
  evidence_links: EvidenceLinkTable;
  evidence_uploads: EvidenceUploadTable;
  unit_candidates: UnitCandidateTable;
  samples: SampleTable;
  assignments: AssignmentTable;
  submissions: SubmissionTable;
  submission_versions: SubmissionVersionTable;
  submission_comments: SubmissionCommentTable;
  submission_events: SubmissionEventTable;
  follow_up_items: FollowUpItemTable;
  follow_up_updates: FollowUpUpdateTable;
  mentoring_sessions: MentoringSessionTable;
  mentoring_session_items: MentoringSessionItemTable;
  objections: ObjectionTable;
  objection_messages: ObjectionMessageTable;
}
