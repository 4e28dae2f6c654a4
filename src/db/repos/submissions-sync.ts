/**
 * The sync endpoint's writes and reads (issue 4, item 3): every function handles a
 * whole batch in one statement (arrays through unnest), so a request costs the same
 * few round trips whether it carries one submission or fifty.
 */
import { sql } from 'kysely';
import {
  type PackedItem,
  type SubmissionItem,
  type SubmissionKind,
  type SubmissionStatus,
  unpackItems,
} from '../../domain/fieldwork/submission.ts';
import { type Database, PREPARED } from '../database.ts';

/** the hot statements' texts never vary: prepared once per connection (database.ts) */
const prepared = sql.raw(PREPARED);

export interface SyncTarget {
  unitId: number;
  cycleId: number;
  entityId: number;
  unitActive: boolean;
  year: number;
  cycleStatus: string;
  edition: string | null;
  level: string;
  /** the assessor has an assignment for the unit or its whole entity in the unit's cycle */
  assigned: boolean;
}

/** `${assessorId}:${unitId}` */
export const targetKey = (assessorId: number, unitId: number): string => `${assessorId}:${unitId}`;

export interface SheetRow {
  id: string;
  unitId: number;
  kind: SubmissionKind;
  respondent: string;
  status: SubmissionStatus;
  version: number;
  items: SubmissionItem[];
}

export interface PostRow {
  postId: string;
  baseVersion: number;
  sheetId: string;
  unitId: number;
  kind: string;
  respondent: string;
  version: number;
  hash: string;
}

export interface SyncState {
  /** keyed by targetKey; a unit that does not exist is absent */
  targets: Map<string, SyncTarget>;
  sheets: SheetRow[];
  posts: PostRow[];
}

/**
 * What the sync decides from, in one statement (one round trip):
 * - the targets: for each (assessor, unit) pair, the unit with its cycle and entity and
 *   whether that assessor is assigned to it (or its whole entity) in the unit's cycle;
 * - the sheets with these keys and their current version's items, locked until the
 *   transaction ends, in id order (two transactions never wait for each other in a circle);
 * - the versions already posted with these client ids.
 * Each part comes back as one JSON array.
 */
export async function readSyncState(
  db: Database,
  pairs: ReadonlyArray<{ assessorId: number; unitId: number }>,
  keys: ReadonlyArray<{ unitId: number; kind: string; respondent: string }>,
  postIds: readonly string[],
): Promise<SyncState> {
  const res = await sql<{
    targets: Array<{
      assessor_id: number;
      unit_id: number;
      cycle_id: number;
      entity_id: number;
      active: boolean;
      year: number;
      status: string;
      edition: string | null;
      level: string;
      assigned: boolean;
    }>;
    sheets: Array<{
      id: string;
      unit_id: number;
      kind: SubmissionKind;
      respondent: string;
      status: SubmissionStatus;
      version: number;
      items: PackedItem[];
    }>;
    posts: Array<{
      post_id: string;
      base_version: number;
      submission_id: string;
      unit_id: number;
      kind: string;
      respondent: string;
      version: number;
      content_hash: string;
    }>;
  }>`${prepared}
    with
    p as (select distinct * from unnest(${pairs.map((x) => x.assessorId)}::int[], ${pairs.map((x) => x.unitId)}::int[]) as p(a, u)),
    t as (
      select p.a as assessor_id, u.id as unit_id, u.cycle_id, u.entity_id, u.active, c.year, c.status, c.edition, e.level,
        exists (select 1 from assignments a
                where a.cycle_id = u.cycle_id and a.assessor_id = p.a and a.entity_id = u.entity_id
                  and (a.unit_id is null or a.unit_id = u.id)) as assigned
      from p join units u on u.id = p.u join cycles c on c.id = u.cycle_id join entities e on e.id = u.entity_id
    ),
    k as (
      select distinct * from unnest(${keys.map((x) => x.unitId)}::int[], ${keys.map((x) => x.kind)}::text[],
                                    ${keys.map((x) => x.respondent)}::text[]) as k(u, k, r)
    ),
    s as materialized (
      select s.id, s.unit_id, s.kind, s.respondent, s.status, s.version, v.items
      from submissions s
      join k on s.unit_id = k.u and s.kind = k.k and s.respondent = k.r
      join submission_versions v on v.submission_id = s.id and v.version = s.version
      order by s.id
      for update of s
    ),
    v as (
      select v.post_id, v.base_version, v.submission_id, s.unit_id, s.kind, s.respondent, v.version, v.content_hash
      from submission_versions v join submissions s on s.id = v.submission_id
      where v.post_id = any(${[...postIds]}::uuid[])
    )
    select (select coalesce(json_agg(t), '[]') from t) as targets,
           (select coalesce(json_agg(s), '[]') from s) as sheets,
           (select coalesce(json_agg(v), '[]') from v) as posts`.execute(db);
  const row = res.rows[0];
  if (!row) throw new Error('the sync state query returned no row');
  return {
    targets: new Map(
      row.targets.map((r) => [
        targetKey(r.assessor_id, r.unit_id),
        {
          unitId: r.unit_id,
          cycleId: r.cycle_id,
          entityId: r.entity_id,
          unitActive: r.active,
          year: r.year,
          cycleStatus: r.status,
          edition: r.edition,
          level: r.level,
          assigned: r.assigned,
        },
      ]),
    ),
    sheets: row.sheets.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      kind: r.kind,
      respondent: r.respondent,
      status: r.status,
      version: r.version,
      items: unpackItems(r.items),
    })),
    posts: row.posts.map((r) => ({
      postId: r.post_id,
      baseVersion: r.base_version,
      sheetId: r.submission_id,
      unitId: r.unit_id,
      kind: r.kind,
      respondent: r.respondent,
      version: r.version,
      hash: r.content_hash,
    })),
  };
}

/** A version to write: a new sheet (version 1) or the next version of a sheet. */
export interface VersionWrite {
  sheetId: string;
  /** who wrote it ("user:12", "token:3 (user:12)") and the user */
  actor: string;
  authorId: number | null;
  postId: string | null;
  version: number;
  baseVersion: number;
  /** JSON text of the packed items (packItems) */
  items: string;
  hash: string;
  clientCreatedAt: string | null;
  /** JSON text or null */
  gps: string | null;
}

export interface NewSheetWrite extends VersionWrite {
  assessorId: number;
  cycleId: number;
  entityId: number;
  unitId: number;
  kind: string;
  respondent: string;
}

const column = <T, K extends keyof T>(rows: readonly T[], k: K): Array<T[K]> => rows.map((r) => r[k]);

/**
 * Inserts new sheets with their first version and event, in one statement.
 * Returns the ids actually inserted: a sheet whose id or key another transaction
 * stored first is left out (on conflict do nothing) for the caller to decide again.
 */
export async function insertNewSheets(db: Database, rows: readonly NewSheetWrite[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const res = await sql<{ id: string }>`${prepared}
    with input as (
      select * from unnest(${column(rows, 'sheetId')}::uuid[], ${column(rows, 'cycleId')}::int[],
        ${column(rows, 'entityId')}::int[], ${column(rows, 'unitId')}::int[], ${column(rows, 'assessorId')}::int[],
        ${column(rows, 'kind')}::text[], ${column(rows, 'respondent')}::text[], ${column(rows, 'items')}::text[],
        ${column(rows, 'hash')}::text[], ${column(rows, 'actor')}::text[], ${column(rows, 'clientCreatedAt')}::text[],
        ${column(rows, 'gps')}::text[])
        as t(id, cycle_id, entity_id, unit_id, assessor_id, kind, respondent, items, hash, actor, client_created_at, gps)
    ),
    ins as (
      insert into submissions (id, cycle_id, entity_id, unit_id, assessor_id, kind, respondent, status, version)
      select id, cycle_id, entity_id, unit_id, assessor_id, kind, respondent, 'submitted', 1 from input
      on conflict do nothing
      returning id
    ),
    ver as (
      insert into submission_versions (submission_id, version, post_id, base_version, items, content_hash,
                                       author, author_id, client_created_at, gps)
      select i.id, 1, i.id, 0, i.items::jsonb, i.hash, i.actor, i.assessor_id, i.client_created_at::timestamptz, i.gps::jsonb
      from input i join ins using (id)
    ),
    ev as (
      insert into submission_events (submission_id, version, from_status, to_status, actor)
      select i.id, 1, null, 'submitted', i.actor from input i join ins using (id)
    )
    select id from ins`.execute(db);
  return new Set(res.rows.map((r) => r.id));
}

/**
 * Writes the next version of sheets the caller holds locked (readSyncState):
 * the sheet moves to the new version with `status`, the version and an event are
 * added, in one statement.
 */
export async function insertNextVersions(
  db: Database,
  status: SubmissionStatus,
  rows: readonly (VersionWrite & { fromStatus: SubmissionStatus })[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`${prepared}
    with input as (
      select * from unnest(${column(rows, 'sheetId')}::uuid[], ${column(rows, 'postId')}::uuid[],
        ${column(rows, 'version')}::int[], ${column(rows, 'baseVersion')}::int[], ${column(rows, 'items')}::text[],
        ${column(rows, 'hash')}::text[], ${column(rows, 'actor')}::text[], ${column(rows, 'authorId')}::int[],
        ${column(rows, 'clientCreatedAt')}::text[], ${column(rows, 'gps')}::text[], ${column(rows, 'fromStatus')}::text[])
        as t(id, post_id, version, base_version, items, hash, actor, author_id, client_created_at, gps, from_status)
    ),
    up as (
      update submissions s set version = i.version, status = ${status}, updated_at = now()
      from input i where s.id = i.id
    ),
    ver as (
      insert into submission_versions (submission_id, version, post_id, base_version, items, content_hash,
                                       author, author_id, client_created_at, gps)
      select id, version, post_id, base_version, items::jsonb, hash, actor, author_id,
             client_created_at::timestamptz, gps::jsonb
      from input
    )
    insert into submission_events (submission_id, version, from_status, to_status, actor)
    select id, version, from_status, ${status}, actor from input`.execute(db);
}
