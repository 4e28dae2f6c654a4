/**
 * The audit chain's format (docs/audit.md), in one place: what is hashed for an
 * entry, byte for byte. Pure: the hashing itself (SHA-256) happens in the database
 * when appending and in services/audit when verifying, over the text built here.
 *
 *   hash(n) = hex(sha256(utf8(hash(n-1) + canonical(entry n))))      hash(0) = GENESIS_HASH
 *   canonical(entry) = canonicalJson({action, actor, after, at, before, seq, subject})
 *
 * canonicalJson is RFC 8785 (JSON Canonicalization Scheme) for the values an
 * audit entry can hold: object keys sorted by UTF-16 code units, no whitespace,
 * numbers and strings as ECMAScript's JSON.stringify writes them.
 */

/** The hash the first entry (seq 1) chains from. */
export const GENESIS_HASH = '0'.repeat(64);

/** A JSON value as it comes back from a jsonb column. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The hashed fields of an entry, as stored and read back. */
export interface ChainedEntry {
  seq: number;
  /** millisecond precision (the chain stores timestamps truncated to milliseconds) */
  at: Date;
  actor: string;
  action: string;
  subject: string;
  before: Json;
  after: Json;
}

/**
 * The value a jsonb column will give back for `value`: what JSON.stringify keeps
 * (undefined → null, Dates → ISO strings, functions dropped). Key order is left
 * to canonicalJson.
 */
export function jsonValue(value: unknown): Json {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as Json);
}

/** RFC 8785 canonical JSON of a JSON value. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort(); // default sort: UTF-16 code units, as RFC 8785 asks
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as Json)}`).join(',')}}`;
}

/** The timestamp as hashed: ISO 8601, UTC, milliseconds ("2025-03-01T02:03:04.005Z"). */
export const isoMillis = (at: Date): string => at.toISOString();

/** The canonical text of an entry (what is hashed after the previous hash). */
export function canonicalEntry(e: ChainedEntry): string {
  return canonicalJson({
    action: e.action,
    actor: e.actor,
    after: e.after,
    at: isoMillis(e.at),
    before: e.before,
    seq: e.seq,
    subject: e.subject,
  });
}

/**
 * The canonical text split around the seq, which is only known under the chain's
 * lock: canonicalEntry(e) === prefix + String(e.seq) + suffix. The keys sort as
 * action, actor, after, at, before, seq, subject, so seq sits between before and subject.
 */
export function canonicalEntryParts(e: Omit<ChainedEntry, 'seq'>): { prefix: string; suffix: string } {
  const prefix =
    `{"action":${JSON.stringify(e.action)},"actor":${JSON.stringify(e.actor)},` +
    `"after":${canonicalJson(e.after)},"at":${JSON.stringify(isoMillis(e.at))},` +
    `"before":${canonicalJson(e.before)},"seq":`;
  const suffix = `,"subject":${JSON.stringify(e.subject)}}`;
  return { prefix, suffix };
}
