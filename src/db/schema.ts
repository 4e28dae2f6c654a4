/** Kysely table types: the database's rows, kept apart from domain types. */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type {
  ApiTokenTable,
  AuditChainHeadTable,
  AuditEntryTable,
  EvidenceLinkTable,
  EvidenceTable,
  EvidenceUploadTable,
  SessionTable,
  SignInThrottleTable,
  UserTable,
} from './schema-records.ts';
import type {
  AssignmentTable,
  FollowUpItemTable,
  FollowUpUpdateTable,
  MentoringSessionItemTable,
  MentoringSessionTable,
  ObjectionMessageTable,
  ObjectionTable,
  SampleTable,
  SubmissionCommentTable,
  SubmissionEventTable,
  SubmissionTable,
  SubmissionVersionTable,
  UnitCandidateTable,
} from './schema-work.ts';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

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

export type * from './schema-records.ts';
export type * from './schema-work.ts';

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
