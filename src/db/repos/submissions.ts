/** Submissions as reviewers and the collection app read them, and the writes of verification. */
import { sql } from 'kysely';
import {
  type PackedItem,
  type SubmissionItem,
  type SubmissionKind,
  type SubmissionStatus,
  unpackItems,
} from '../../domain/fieldwork/submission.ts';
import type { Level } from '../../domain/instrument/schema.ts';
import type { Database } from '../database.ts';

export interface SubmissionRow {
  id: string;
  cycleId: number;
  year: number;
  /** the assessment's code */
  cycleCode: string;
  entity: { id: number; code: string; name: string; level: Level; provinceCode: string | null };
  unit: { id: number; name: string };
  kind: SubmissionKind;
  respondent: string;
  status: SubmissionStatus;
  version: number;
  validatedVersion: number | null;
  assessor: { id: number; name: string };
  openComments: number;
  createdAt: Date;
  updatedAt: Date;
  /** updated_at as the database prints it (microseconds): the pull cursor */
  updatedKey: string;
}

function baseQuery(db: Database) {
  return db
    .selectFrom('submissions as s')
    .innerJoin('cycles as c', 'c.id', 's.cycle_id')
    .innerJoin('entities as e', 'e.id', 's.entity_id')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .innerJoin('users as a', 'a.id', 's.assessor_id')
    .select([
      's.id',
      's.cycle_id',
      'c.year',
      'c.code as cycle_code',
      's.entity_id',
      'e.code as entity_code',
      'e.name as entity_name',
      'e.level',
      'e.province_code',
      's.unit_id',
      'u.name as unit_name',
      's.kind',
      's.respondent',
      's.status',
      's.version',
      's.validated_version',
      's.assessor_id',
      'a.name as assessor_name',
      's.created_at',
      's.updated_at',
      sql<string>`s.updated_at::text`.as('updated_key'),
      sql<number>`(select count(*)::int from submission_comments m where m.submission_id = s.id and not m.resolved)`.as(
        'open_comments',
      ),
    ]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

const toRow = (r: BaseRow): SubmissionRow => ({
  id: r.id,
  cycleId: r.cycle_id,
  year: r.year,
  cycleCode: r.cycle_code,
  entity: {
    id: r.entity_id,
    code: r.entity_code,
    name: r.entity_name,
    level: r.level as Level,
    provinceCode: r.province_code,
  },
  unit: { id: r.unit_id, name: r.unit_name },
  kind: r.kind as SubmissionKind,
  respondent: r.respondent,
  status: r.status as SubmissionStatus,
  version: r.version,
  validatedVersion: r.validated_version,
  assessor: { id: r.assessor_id, name: r.assessor_name },
  openComments: r.open_comments,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  updatedKey: r.updated_key,
});

export async function findSubmission(db: Database, id: string): Promise<SubmissionRow | undefined> {
  const r = await baseQuery(db).where('s.id', '=', id).executeTakeFirst();
  return r && toRow(r);
}

/** Locks a sheet until the transaction ends; its status and version as they are now. */
export async function lockSubmission(
  db: Database,
  id: string,
): Promise<{ status: SubmissionStatus; version: number; validatedVersion: number | null } | undefined> {
  const r = await sql<{ status: SubmissionStatus; version: number; validated_version: number | null }>`
    select status, version, validated_version from submissions where id = ${id} for update`.execute(db);
  const row = r.rows[0];
  return row && { status: row.status, version: row.version, validatedVersion: row.validated_version };
}

export interface SubmissionFilter {
  cycleId: number;
  /** undefined: every entity; otherwise only these */
  entityIds?: readonly number[];
  provinceCode?: string;
  status?: SubmissionStatus;
  unitId?: number;
  kind?: SubmissionKind;
}

export async function listSubmissions(
  db: Database,
  f: SubmissionFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: SubmissionRow[]; total: number }> {
  if (f.entityIds?.length === 0) return { rows: [], total: 0 };
  let q = baseQuery(db).where('s.cycle_id', '=', f.cycleId);
  let c = db
    .selectFrom('submissions as s')
    .innerJoin('entities as e', 'e.id', 's.entity_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.cycle_id', '=', f.cycleId);
  if (f.entityIds) {
    q = q.where('s.entity_id', 'in', f.entityIds);
    c = c.where('s.entity_id', 'in', f.entityIds);
  }
  if (f.provinceCode !== undefined) {
    q = q.where('e.province_code', '=', f.provinceCode);
    c = c.where('e.province_code', '=', f.provinceCode);
  }
  if (f.status) {
    q = q.where('s.status', '=', f.status);
    c = c.where('s.status', '=', f.status);
  }
  if (f.unitId !== undefined) {
    q = q.where('s.unit_id', '=', f.unitId);
    c = c.where('s.unit_id', '=', f.unitId);
  }
  if (f.kind) {
    q = q.where('s.kind', '=', f.kind);
    c = c.where('s.kind', '=', f.kind);
  }
  const [rows, count] = await Promise.all([
    q.orderBy('s.updated_at', 'desc').orderBy('s.id').offset(page.offset).limit(page.limit).execute(),
    c.executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toRow), total: Number(count.n) };
}

export interface VersionRow {
  submissionId: string;
  version: number;
  baseVersion: number;
  postId: string | null;
  author: string;
  submittedAt: Date;
  clientCreatedAt: Date | null;
  gps: unknown;
  items: SubmissionItem[];
}

export async function listVersions(db: Database, ids: readonly string[], onlyCurrent = false): Promise<VersionRow[]> {
  if (ids.length === 0) return [];
  const res = await sql<{
    submission_id: string;
    version: number;
    base_version: number;
    post_id: string | null;
    author: string;
    submitted_at: Date;
    client_created_at: Date | null;
    gps: unknown;
    items: PackedItem[];
  }>`
    select v.submission_id, v.version, v.base_version, v.post_id, v.author, v.submitted_at, v.client_created_at, v.gps, v.items
    from submission_versions v ${onlyCurrent ? sql`join submissions s on s.id = v.submission_id and s.version = v.version` : sql``}
    where v.submission_id = any(${[...ids]}::uuid[])
    order by v.submission_id, v.version`.execute(db);
  return res.rows.map((r) => ({
    submissionId: r.submission_id,
    version: r.version,
    baseVersion: r.base_version,
    postId: r.post_id,
    author: r.author,
    submittedAt: r.submitted_at,
    clientCreatedAt: r.client_created_at,
    gps: r.gps,
    items: unpackItems(r.items),
  }));
}

export async function versionItems(db: Database, id: string, version: number): Promise<SubmissionItem[]> {
  const r = await db
    .selectFrom('submission_versions')
    .select('items')
    .where('submission_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return unpackItems((r?.items as PackedItem[] | undefined) ?? []);
}

export interface CommentRow {
  id: number;
  submissionId: string;
  version: number;
  indicator: string | null;
  authorId: number | null;
  authorName: string | null;
  body: string;
  at: Date;
  resolved: boolean;
}

export async function listComments(db: Database, ids: readonly string[]): Promise<CommentRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('submission_comments as m')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .select([
      'm.id',
      'm.submission_id',
      'm.version',
      'm.indicator',
      'm.author_id',
      'u.name',
      'm.body',
      'm.at',
      'm.resolved',
    ])
    .where('m.submission_id', 'in', ids)
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    submissionId: r.submission_id,
    version: r.version,
    indicator: r.indicator,
    authorId: r.author_id,
    authorName: r.name,
    body: r.body,
    at: r.at,
    resolved: r.resolved,
  }));
}

export interface EventRow {
  submissionId: string;
  version: number;
  from: SubmissionStatus | null;
  to: SubmissionStatus;
  actor: string;
  at: Date;
}

export async function listEvents(db: Database, ids: readonly string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('submission_events')
    .select(['submission_id', 'version', 'from_status', 'to_status', 'actor', 'at'])
    .where('submission_id', 'in', ids)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    submissionId: r.submission_id,
    version: r.version,
    from: r.from_status as SubmissionStatus | null,
    to: r.to_status as SubmissionStatus,
    actor: r.actor,
    at: r.at,
  }));
}

/** Moves a (locked) sheet to another status, with its event; `validatedVersion` when validating. */
export async function setSubmissionStatus(
  db: Database,
  id: string,
  change: { from: SubmissionStatus; to: SubmissionStatus; version: number; actor: string; validatedVersion?: number },
): Promise<void> {
  await db
    .updateTable('submissions')
    .set({
      status: change.to,
      updated_at: new Date(),
      ...(change.validatedVersion !== undefined ? { validated_version: change.validatedVersion } : {}),
    })
    .where('id', '=', id)
    .execute();
  await db
    .insertInto('submission_events')
    .values({
      submission_id: id,
      version: change.version,
      from_status: change.from,
      to_status: change.to,
      actor: change.actor,
    })
    .execute();
}

export async function insertComments(
  db: Database,
  rows: ReadonlyArray<{
    submissionId: string;
    version: number;
    indicator: string | null;
    author: string;
    authorId: number | null;
    body: string;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('submission_comments')
    .values(
      rows.map((r) => ({
        submission_id: r.submissionId,
        version: r.version,
        indicator: r.indicator,
        author: r.author,
        author_id: r.authorId,
        body: r.body,
      })),
    )
    .execute();
}

/** Marks a sheet's open comments resolved (its fix was accepted). */
export async function resolveComments(db: Database, id: string): Promise<void> {
  await db.updateTable('submission_comments').set({ resolved: true }).where('submission_id', '=', id).execute();
}

/** An assessor's sheets changed after `since` (keyset-paged by updated_at, id), oldest change first. */
export async function pullSubmissions(
  db: Database,
  assessorId: number,
  since: Date | null,
  after: { key: string; id: string } | null,
  limit: number,
): Promise<SubmissionRow[]> {
  let q = baseQuery(db).where('s.assessor_id', '=', assessorId);
  if (since) q = q.where('s.updated_at', '>', since);
  if (after) q = q.where(sql<boolean>`(s.updated_at, s.id) > (${after.key}::timestamptz, ${after.id}::uuid)`);
  const rows = await q.orderBy('s.updated_at').orderBy('s.id').limit(limit).execute();
  return rows.map(toRow);
}

/** The current version's items of an entity's sheets with one of these statuses, per unit (provisional results). */
export async function currentItemsOfEntity(
  db: Database,
  cycleId: number,
  entityId: number,
  statuses: readonly SubmissionStatus[],
): Promise<Array<{ unitId: number; status: SubmissionStatus; items: SubmissionItem[] }>> {
  const res = await sql<{ unit_id: number; status: SubmissionStatus; items: PackedItem[] }>`
    select s.unit_id, s.status, v.items
    from submissions s join submission_versions v on v.submission_id = s.id and v.version = s.version
    where s.cycle_id = ${cycleId} and s.entity_id = ${entityId} and s.status = any(${[...statuses]}::text[])`.execute(
    db,
  );
  return res.rows.map((r) => ({ unitId: r.unit_id, status: r.status, items: unpackItems(r.items) }));
}
