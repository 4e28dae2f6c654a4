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
}

export interface CycleTable {
  id: Generated<number>;
  year: number;
  /** instrument edition; null for a cycle known only by its published results */
  edition: string | null;
  band_scheme: string;
  status: string;
  settings: JSONColumnType<{ serviceUsersPerUnit?: number; objectionDays?: number }>;
  created_at: Generated<Timestamp>;
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
  /** 0..3; null = not applicable */
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

export interface DB {
  regional_offices: RegionalOfficeTable;
  entities: EntityTable;
  cycles: CycleTable;
  units: UnitTable;
  respondents: RespondentTable;
  answers: AnswerTable;
  published_entity_results: PublishedEntityResultTable;
  published_unit_results: PublishedUnitResultTable;
  computed_unit_results: ComputedUnitResultTable;
  computed_entity_results: ComputedEntityResultTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_entries: AuditEntryTable;
  unit_candidates: UnitCandidateTable;
  samples: SampleTable;
}
