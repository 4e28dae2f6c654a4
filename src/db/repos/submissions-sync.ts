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

/**
 * The units posted to, with their cycle and entity and whether the assessor who
 * posted is assigned there, for many (assessor, unit) pairs in one statement.
 * Keyed by targetKey; a unit that does not exist is absent.
 */
export async function loadSyncTargets(
  db: Database,
  pairs: ReadonlyArray<{ assessorId: number; unitId: number }>,
): Promise<Map<string, SyncTarget>> {
  const res = await sql<{
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
  }>`${prepared}
    select p.a as assessor_id, u.id as unit_id, u.cycle_id, u.entity_id, u.active, c.year, c.status, c.edition, e.level,
      exists (select 1 from assignments a
              where a.cycle_id = u.cycle_id and a.assessor_id = p.a and a.entity_id = u.entity_id
                and (a.unit_id is null or a.unit_id = u.id)) as assigned
    from (select distinct * from unnest(${pairs.map((x) => x.assessorId)}::int[], ${pairs.map((x) => x.unitId)}::int[]) as p(a, u)) p
    join units u on u.id = p.u join cycles c on c.id = u.cycle_id join entities e on e.id = u.entity_id`.execute(db);
  return new Map(
    res.rows.map((r) => [
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
  );
}

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

/**
 * Reads, and locks until the transaction ends, the sheets with these keys (and the
 * current version's items), and reads the versions already posted with these ids.
 * Sheets are locked in id order, so two batches never wait for each other in a circle.
 */
export async function lockSheetsAndPosts(
  db: Database,
  keys: { unitId: number[]; kind: string[]; respondent: string[] },
  postIds: readonly string[],
): Promise<{ sheets: SheetRow[]; posts: PostRow[] }> {
  // one round trip: the locked sheets (what = 's') and the posts (what = 'p') as rows of one result
  const res = await sql<{
    what: 's' | 'p';
    id: string;
    unit_id: number;
    kind: string;
    respondent: string;
    status: SubmissionStatus | null;
    version: number;
    items: PackedItem[] | null;
    post_id: string | null;
    base_version: number | null;
    content_hash: string | null;
  }>`${prepared}
    with locked as materialized (
      select s.id, s.unit_id, s.kind, s.respondent, s.status, s.version, v.items
      from submissions s
      join (select distinct * from unnest(${keys.unitId}::int[], ${keys.kind}::text[], ${keys.respondent}::text[])) as k(u, k, r)
        on s.unit_id = k.u and s.kind = k.k and s.respondent = k.r
      join submission_versions v on v.submission_id = s.id and v.version = s.version
      order by s.id
      for update of s
    )
    select 's' as what, id, unit_id, kind, respondent, status, version, items,
           null::uuid as post_id, null::int as base_version, null::text as content_hash
    from locked
    union all
    select 'p', v.submission_id, s.unit_id, s.kind, s.respondent, null, v.version, null, v.post_id, v.base_version, v.content_hash
    from submission_versions v join submissions s on s.id = v.submission_id
    where v.post_id = any(${[...postIds]}::uuid[])`.execute(db);
  const sheets = res.rows.filter((r) => r.what === 's');
  const posts = res.rows.filter((r) => r.what === 'p');
  return {
    sheets: sheets.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      kind: r.kind as SubmissionKind,
      respondent: r.respondent,
      status: r.status as SubmissionStatus,
      version: r.version,
      items: unpackItems(r.items ?? []),
    })),
    posts: posts.map((r) => ({
      postId: r.post_id as string,
      baseVersion: r.base_version as number,
      sheetId: r.id,
      unitId: r.unit_id,
      kind: r.kind,
      respondent: r.respondent,
      version: r.version,
      hash: r.content_hash as string,
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
 * Writes the next version of sheets the caller holds locked (lockSheetsAndPosts):
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
