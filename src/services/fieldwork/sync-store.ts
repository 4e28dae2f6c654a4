/**
 * Stores checked sheets in one transaction: read and lock the sheets they belong to
 * and the versions already posted with their ids, decide each in order
 * (domain/fieldwork/sync-decision.ts), write new sheets and next versions with one
 * statement each, audit every stored sheet with one appendAuditMany as the last
 * write. The sheets may come from several requests (sync-writer.ts); each keeps
 * its own assessor and actor.
 */

import { fromDatabaseError } from '../../database-errors.ts';
import type { Database } from '../../db/database.ts';
import { type AuditInput, appendAuditMany } from '../../db/repos/audit.ts';
import {
  insertNewSheets,
  insertNextVersions,
  type NewSheetWrite,
  readSyncState,
  type SyncState,
  type SyncTarget,
  targetKey,
  type VersionWrite,
} from '../../db/repos/submissions-sync.ts';
import { type SubmissionItem, type SubmissionStatus, sheetKey } from '../../domain/fieldwork/submission.ts';
import { type Decision, decideBatch, type SheetState, type StoredPost } from '../../domain/fieldwork/sync-decision.ts';
import type { SyncResultView, syncSubmission } from '../../shared/fieldwork-schemas.ts';
import type { ServiceContext } from '../context.ts';
import { linkAudit } from '../evidence/link-evidence.ts';
import type { Catalog } from '../instrument-catalog.ts';
import { checkTarget, rejected } from './sync-check.ts';

/** A sheet whose shape was checked and content hashed (sync.ts); its target is checked here. */
export interface PreparedSheet {
  /** its position in its request */
  index: number;
  s: ReturnType<typeof syncSubmission.parse>;
  key: string;
  items: SubmissionItem[];
  itemsJson: string;
  hash: string;
  assessorId: number;
  actor: string;
}

const version = (x: PreparedSheet, sheetId: string, v: number, baseVersion: number): VersionWrite => ({
  sheetId,
  actor: x.actor,
  authorId: x.assessorId,
  postId: x.s.id,
  version: v,
  baseVersion,
  items: x.itemsJson,
  hash: x.hash,
  clientCreatedAt: x.s.clientCreatedAt,
  gps: x.s.gps ? JSON.stringify(x.s.gps) : null,
});

const stored = (x: PreparedSheet, sheetId: string, v: number): SyncResultView => ({
  index: x.index,
  id: x.s.id,
  status: 'stored',
  submissionId: sheetId,
  version: v,
  submissionStatus: 'submitted',
});

function auditEntry(x: PreparedSheet, sheetId: string, v: number): AuditInput {
  return {
    actor: x.actor,
    action: v === 1 ? 'submission.submit' : 'submission.resubmit',
    subject: `submission:${sheetId}`,
    ...(v > 1 ? { before: { version: x.s.baseVersion, status: 'returned' } } : {}),
    after: {
      version: v,
      status: 'submitted',
      postId: x.s.id,
      unit: x.s.unitId,
      kind: x.s.kind,
      respondent: x.s.respondent,
      items: x.items.length,
      contentHash: x.hash,
    },
  };
}

/** What a decision other than a write answers. */
function answer(
  x: PreparedSheet,
  d: Exclude<Decision, { kind: 'create' | 'new_version' }>,
  state: Map<string, SheetState>,
  serverItems: Map<string, SubmissionItem[]>,
): SyncResultView {
  const base = { index: x.index, id: x.s.id };
  if (d.kind === 'duplicate') {
    const status = state.get(x.key)?.status ?? null;
    return { ...base, status: 'duplicate', submissionId: d.sheetId, version: d.version, submissionStatus: status };
  }
  if (d.kind === 'conflict') {
    const sheet = [...state.values()].find((s) => s.id === d.sheetId);
    return {
      ...base,
      status: 'conflict',
      submissionId: d.sheetId,
      version: sheet?.version ?? null,
      submissionStatus: sheet?.status ?? null,
      serverItems: serverItems.get(d.sheetId) ?? [],
      error: { code: 'CONFLICT', reason: d.reason, message: d.message },
    };
  }
  return {
    ...base,
    status: 'rejected',
    submissionId: null,
    version: null,
    submissionStatus: null,
    error: { code: 'CONFLICT', reason: d.reason, message: d.message },
  };
}

/** Stores sheets in their own transaction. */
export async function storeSheets(
  ctx: Pick<ServiceContext, 'db' | 'catalog'>,
  sheets: readonly PreparedSheet[],
): Promise<Map<PreparedSheet, SyncResultView>> {
  return ctx.db.transaction().execute((tx) => storeSheetsIn(tx, ctx.catalog, sheets));
}

/**
 * Stores one request's sheets in their own transaction; when the database refuses
 * it, each sheet in a transaction of its own, so the good ones are stored and a sheet
 * the database refuses is rejected with the reason (fromDatabaseError) — the device
 * stops sending it. An error that is not the input's (the database is down) fails
 * the request as before: nothing acknowledged, the device retries.
 */
export async function storeSheetsAlone(
  ctx: Pick<ServiceContext, 'db' | 'catalog'>,
  sheets: readonly PreparedSheet[],
): Promise<Map<PreparedSheet, SyncResultView>> {
  try {
    return await storeSheets(ctx, sheets);
  } catch (e) {
    if (sheets.length <= 1 || !fromDatabaseError(e)) return refusedOrThrow(e, sheets);
  }
  const results = new Map<PreparedSheet, SyncResultView>();
  for (const x of sheets) {
    try {
      for (const [k, v] of await storeSheets(ctx, [x])) results.set(k, v);
    } catch (e) {
      for (const [k, v] of refusedOrThrow(e, [x])) results.set(k, v);
    }
  }
  return results;
}

/** The rejection of the sheets a database error refused, or the error again when it is not one we can name. */
function refusedOrThrow(e: unknown, sheets: readonly PreparedSheet[]): Map<PreparedSheet, SyncResultView> {
  const problem = fromDatabaseError(e);
  if (problem?.status !== 400) throw e; // a conflict or lock: the device may retry the same body
  return new Map(
    sheets.map((x) => [
      x,
      rejected(x.index, x.s.id, problem.code, problem.message, {
        reason: 'refused_by_database',
        details: problem.details,
      }),
    ]),
  );
}

/** Stores sheets inside the caller's transaction (the writer's, which chooses the sheets once it has begun). */
export async function storeSheetsIn(
  tx: Database,
  catalog: Catalog,
  sheets: readonly PreparedSheet[],
): Promise<Map<PreparedSheet, SyncResultView>> {
  const results = new Map<PreparedSheet, SyncResultView>();
  if (sheets.length === 0) return results;
  // the unit, the assignment and the cycle, read in the transaction that writes, with the
  // sheets (locked) and the posts every sheet is decided from
  const first = await readState(tx, sheets, true);
  const target = new Map<PreparedSheet, SyncTarget>();
  let pending: readonly PreparedSheet[] = sheets.filter((x) => {
    const t = first.targets.get(targetKey(x.assessorId, x.s.unitId));
    const refusal = checkTarget(catalog, x.index, x.s, t);
    if (refusal) results.set(x, refusal);
    else target.set(x, t as SyncTarget);
    return !refusal;
  });
  const audit: AuditInput[] = [];
  // a second round only for new sheets another transaction stored first: decided again (duplicate or conflict)
  for (let round = 0; round < 2 && pending.length > 0; round++) {
    const state = round === 0 ? first : await readState(tx, pending, false);
    pending = await decideAndWrite(tx, pending, state, target, round, results, audit);
  }
  audit.push(...(await linkStoredEvidence(tx, results)));
  await appendAuditMany(tx, audit);
  return results;
}

/** The state these sheets are decided from (their targets only when asked: the first round). */
function readState(tx: Database, sheets: readonly PreparedSheet[], withTargets: boolean): Promise<SyncState> {
  return readSyncState(
    tx,
    withTargets ? sheets.map((x) => ({ assessorId: x.assessorId, unitId: x.s.unitId })) : [],
    sheets.map((x) => x.s),
    sheets.map((x) => x.s.id),
  );
}

/**
 * One round: decide in order from the locked state, write. Fills `results` and `audit`;
 * returns the new sheets another transaction inserted first (to decide again).
 */
async function decideAndWrite(
  tx: Database,
  pending: readonly PreparedSheet[],
  locked: SyncState,
  target: Map<PreparedSheet, SyncTarget>,
  round: number,
  results: Map<PreparedSheet, SyncResultView>,
  audit: AuditInput[],
): Promise<PreparedSheet[]> {
  const state = new Map<string, SheetState>(
    locked.sheets.map((s) => [sheetKey(s), { id: s.id, status: s.status, version: s.version }]),
  );
  const serverItems = new Map<string, SubmissionItem[]>(locked.sheets.map((s) => [s.id, s.items]));
  const storedPosts = new Map<string, StoredPost[]>();
  for (const p of locked.posts)
    storedPosts.set(p.postId, [...(storedPosts.get(p.postId) ?? []), { ...p, sheetKey: sheetKey(p) }]);
  const decisions = decideBatch(
    pending.map((x) => ({ id: x.s.id, key: x.key, baseVersion: x.s.baseVersion, hash: x.hash })),
    state,
    storedPosts,
  );
  const creates: Array<NewSheetWrite & { x: PreparedSheet }> = [];
  const nexts: Array<VersionWrite & { x: PreparedSheet; fromStatus: SubmissionStatus }> = [];
  pending.forEach((x, k) => {
    const d = decisions[k] as Decision;
    if (d.kind !== 'create' && d.kind !== 'new_version') {
      results.set(x, answer(x, d, state, serverItems));
      return;
    }
    const sheetId = d.kind === 'create' ? x.s.id : d.sheetId;
    serverItems.set(sheetId, x.items);
    if (round > 0) {
      // a write decided only after a race: the sheet changed under us; the device sends it again
      results.set(x, {
        index: x.index,
        id: x.s.id,
        status: 'conflict',
        submissionId: sheetId,
        version: null,
        submissionStatus: null,
        error: { code: 'CONFLICT', message: 'the submission changed while it was being stored; send it again' },
      });
      return;
    }
    if (d.kind === 'new_version') {
      nexts.push({ ...version(x, sheetId, d.version, x.s.baseVersion), x, fromStatus: 'returned' });
      return;
    }
    const t = target.get(x) as SyncTarget;
    creates.push({
      ...version(x, sheetId, 1, 0),
      x,
      assessorId: x.assessorId,
      cycleId: t.cycleId,
      entityId: t.entityId,
      unitId: x.s.unitId,
      kind: x.s.kind,
      respondent: x.s.respondent,
    });
  });
  // one insertion order for every transaction: concurrent ones never wait for each other in a circle
  creates.sort((a, b) => (a.sheetId < b.sheetId ? -1 : a.sheetId > b.sheetId ? 1 : 0));
  const inserted = await insertNewSheets(tx, creates);
  await insertNextVersions(tx, 'submitted', nexts);
  for (const w of [...creates.filter((c) => inserted.has(c.sheetId)), ...nexts]) {
    results.set(w.x, stored(w.x, w.sheetId, w.version));
    audit.push(auditEntry(w.x, w.sheetId, w.version));
  }
  return creates.filter((c) => !inserted.has(c.sheetId)).map((c) => c.x);
}

/** Links the stored sheets' photos and documents: served to whoever may see the submission (subject-policies.ts). */
async function linkStoredEvidence(tx: Database, results: Map<PreparedSheet, SyncResultView>): Promise<AuditInput[]> {
  const links = new Map<string, Array<{ sha256: string; subject: string; item: string | null }>>();
  for (const [x, r] of results) {
    if (r.status !== 'stored') continue;
    const subject = `submission:${r.submissionId}`;
    for (const i of x.items)
      for (const sha256 of i.evidence)
        links.set(x.actor, [...(links.get(x.actor) ?? []), { sha256, subject, item: i.indicator }]);
  }
  const audit: AuditInput[] = [];
  for (const [actor, list] of links) audit.push(...(await linkAudit(tx, list, actor)));
  return audit;
}
