/** Kysely table types of accounts, the audit chain and evidence (the DB interface is in schema.ts). */
import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from './schema.ts';

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
