/**
 * Sending the outbox and hearing back. One pass: upload the evidence each waiting
 * post names, post the sheets to /sync in batches, settle each post by the server's
 * answer (stored, duplicate, conflict, rejected), then pull what reviewers did
 * (sent back with comments, verified, validated). Passes run when the connection
 * returns, when something is queued, and on a timer with backoff per post; one at
 * a time per device (a Web Lock across tabs). A post keeps its client id on every
 * retry, so a retry or a double tap is stored once.
 */

import { z } from 'zod';
import { api, isApiError } from '../api/http';
import { answersFrom, type Draft, draftKey, type OutboxEntry } from './model';
import {
  evidenceSchema,
  MAX_SYNC_BATCH,
  type PulledSubmission,
  pullSchema,
  type SyncResult,
  syncAnswerSchema,
} from './schemas';
import {
  forgetUploadedEvidence,
  getEvidence,
  getMeta,
  listOutbox,
  putEvidence,
  putOutbox,
  setMeta,
  settle,
  updateDraft,
} from './store';

const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 5 * 60_000;
const TICK_MS = 15_000;
const PULL_EVERY_MS = 2 * 60_000;

export interface SyncStatus {
  online: boolean;
  syncing: boolean;
  /** the session ended: sign in again to send */
  needsLogin: boolean;
  lastError: string | null;
  lastSyncAt: string | null;
}

let status: SyncStatus = {
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  syncing: false,
  needsLogin: false,
  lastError: null,
  lastSyncAt: null,
};
const listeners = new Set<() => void>();

function setStatus(patch: Partial<SyncStatus>): void {
  status = { ...status, ...patch };
  for (const l of listeners) l();
}

export const syncStatus = {
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  get: (): SyncStatus => status,
};

/** The delay before the n-th retry: 5 s, 10 s, 20 s … at most 5 minutes, with some jitter. */
export function backoff(attempts: number): number {
  const d = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(d * (0.8 + Math.random() * 0.4));
}

// --- evidence first ---
const uploadAnswer = z.union([z.object({ data: evidenceSchema }).transform((r) => r.data), evidenceSchema]);

async function uploadEvidence(entry: OutboxEntry): Promise<void> {
  for (const item of entry.payload.items) {
    for (const sha of item.evidence ?? []) {
      const file = await getEvidence(sha);
      // not on the device: uploaded before and let go (or from another device); the server says if not
      if (!file || file.uploaded) continue;
      const form = new FormData();
      // no subject: the sheet does not exist yet; /sync links the file to it, per item
      form.append('file', new File([file.blob], file.name, { type: file.mediaType }));
      const r = await api('/evidence', uploadAnswer, { method: 'POST', body: form });
      if (r.sha256 !== sha) {
        // the server strips photo metadata (all but capture time and GPS): the stored
        // file has its own hash, and the sheet must name that one
        await putEvidence({ ...file, sha256: r.sha256, uploaded: true });
        await renameEvidence(entry, sha, r.sha256);
      } else await putEvidence({ ...file, uploaded: true });
    }
  }
}

/** The sheet (the queued post and its draft) names the file by the hash the server stored it under. */
async function renameEvidence(entry: OutboxEntry, from: string, to: string): Promise<void> {
  const swap = (list: readonly string[] | undefined) => list?.map((h) => (h === from ? to : h));
  for (const item of entry.payload.items) {
    const renamed = swap(item.evidence);
    if (renamed) item.evidence = renamed;
  }
  await putOutbox(entry);
  await updateDraft(entry.draftKey, (d) => {
    if (!d) return undefined;
    const answers = Object.fromEntries(
      Object.entries(d.answers).map(([k, a]) => [k, { ...a, evidence: swap(a.evidence) ?? [] }]),
    );
    return { ...d, answers };
  });
}

// --- settling a post by the server's answer ---
function settled(d: Draft, entry: OutboxEntry, r: SyncResult): Draft {
  const now = new Date().toISOString();
  const base = { ...d, updatedAt: now, error: undefined, conflict: undefined };
  // the assessor took the sheet back and changed it meanwhile: only note what the server holds
  if (d.id !== entry.payload.id || d.baseVersion !== entry.payload.baseVersion || d.state !== 'queued') return d;
  switch (r.status) {
    case 'stored':
    case 'duplicate':
      return {
        ...base,
        state: 'sent',
        baseVersion: r.version ?? d.baseVersion + 1,
        server: {
          sheetId: r.submissionId ?? d.server?.sheetId ?? d.id,
          status: r.submissionStatus ?? 'submitted',
          version: r.version ?? d.baseVersion + 1,
          comments: [],
        },
      };
    case 'conflict':
      return {
        ...base,
        state: 'conflict',
        conflict: {
          serverItems: r.serverItems ?? [],
          serverVersion: r.version ?? 0,
          serverStatus: r.submissionStatus ?? null,
          message: r.error?.message ?? '',
          ...(r.error?.reason ? { reason: r.error.reason } : {}),
        },
      };
    case 'rejected':
      return { ...base, state: 'rejected', error: r.error?.message ?? r.error?.code ?? 'rejected' };
  }
}

async function postBatch(entries: OutboxEntry[]): Promise<void> {
  const answer = await api('/sync', syncAnswerSchema, {
    method: 'POST',
    body: { submissions: entries.map((e) => e.payload) },
  });
  const byId = new Map(answer.data.results.map((r) => [r.id, r]));
  for (const e of entries) {
    const r = byId.get(e.payload.id);
    if (!r) continue;
    const d = await updateDraft(e.draftKey, (cur) => (cur ? settled(cur, e, r) : undefined));
    await settle(e.key, d);
  }
}

async function markFailed(entry: OutboxEntry, error: unknown): Promise<void> {
  const attempts = entry.attempts + 1;
  await putOutbox({
    ...entry,
    attempts,
    nextAttemptAt: Date.now() + backoff(attempts),
    lastError: error instanceof Error ? error.message : String(error),
  });
}

/** A refusal of the whole request that retrying will not fix (the post itself is wrong). */
const isPermanent = (e: unknown) => isApiError(e) && [400, 409, 413, 422].includes(e.status);

async function sendOutbox(userId: number, force: boolean): Promise<void> {
  const now = Date.now();
  const due = (await listOutbox(userId))
    .filter((e) => force || e.nextAttemptAt <= now)
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  const ready: OutboxEntry[] = [];
  const done = new Set<string>();
  try {
    for (const e of due) {
      try {
        await uploadEvidence(e);
        ready.push(e);
      } catch (err) {
        if (stopsThePass(err)) throw err;
        await markFailed(e, err);
        done.add(e.key);
      }
    }
    for (let i = 0; i < ready.length; i += MAX_SYNC_BATCH) {
      const batch = ready.slice(i, i + MAX_SYNC_BATCH);
      await sendBatch(batch);
      for (const e of batch) done.add(e.key);
    }
  } catch (err) {
    // no connection (or no session): every post not yet answered waits out its backoff
    if (isApiError(err) && err.status === 0) for (const e of due) if (!done.has(e.key)) await markFailed(e, err);
    throw err;
  }
}

/** Errors that end the pass: no connection, no session, no CSRF token. */
const stopsThePass = (e: unknown) => isApiError(e) && (e.status === 0 || e.status === 401 || e.status === 403);

async function sendBatch(batch: OutboxEntry[]): Promise<void> {
  try {
    await postBatch(batch);
  } catch (err) {
    if (stopsThePass(err)) throw err;
    const only = batch.length === 1 ? batch[0] : undefined;
    if (only && isPermanent(err)) {
      // the server will never take this post as it is: say why, let the assessor fix it
      const error = err instanceof Error ? err.message : String(err);
      const d = await updateDraft(only.draftKey, (cur) => (cur ? { ...cur, state: 'rejected', error } : undefined));
      await settle(only.key, d);
    } else {
      for (const e of batch) await markFailed(e, err);
    }
  }
}

// --- hearing back: what reviewers did ---
function pulledInto(userId: number, s: PulledSubmission, cur: Draft | undefined): Draft | undefined {
  const now = new Date().toISOString();
  const server = { sheetId: s.id, status: s.status, version: s.version, comments: s.comments };
  const returned = s.status === 'returned';
  if (!cur) {
    return {
      key: draftKey(userId, s.year, s.unit.id, s.kind, s.respondent),
      userId,
      year: s.year,
      entity: s.entity,
      unit: s.unit,
      kind: s.kind,
      respondent: s.respondent,
      id: s.id,
      baseVersion: s.version,
      answers: answersFrom(s.items),
      state: returned ? 'editing' : 'sent',
      server,
      createdAt: s.createdAt,
      updatedAt: now,
    };
  }
  if (cur.state === 'sent' && returned) {
    // sent back: start the fix from the server's version (a reviewer may have corrected some answers)
    return { ...cur, state: 'editing', baseVersion: s.version, answers: answersFrom(s.items), server, updatedAt: now };
  }
  if (cur.state === 'sent' && s.version >= cur.baseVersion) return { ...cur, baseVersion: s.version, server };
  return { ...cur, server };
}

async function pull(userId: number): Promise<void> {
  const cursorKey = `pull:${userId}`;
  let since = await getMeta<string>(cursorKey);
  let after: string | undefined;
  for (;;) {
    const page = await api('/me/submissions', pullSchema, { query: { since, after, limit: 200 } });
    for (const s of page.data) {
      await updateDraft(draftKey(userId, s.year, s.unit.id, s.kind, s.respondent), (cur) => pulledInto(userId, s, cur));
      // validated: final, the server keeps the photos; the device may let them go
      if (s.status === 'validated') await forgetUploadedEvidence(s.items.flatMap((i) => i.evidence));
    }
    if (!page.next) {
      since = page.since;
      break;
    }
    after = page.next;
  }
  await setMeta(cursorKey, since);
}

// --- passes ---
let running: Promise<void> | null = null;
let again: { userId: number; force: boolean } | null = null;
let lastPull = 0;

async function pass(userId: number, force: boolean): Promise<void> {
  setStatus({ syncing: true });
  try {
    await sendOutbox(userId, force);
    if (force || Date.now() - lastPull > PULL_EVERY_MS || (await listOutbox(userId)).length === 0) {
      await pull(userId);
      lastPull = Date.now();
    }
    setStatus({ online: true, lastError: null, needsLogin: false, lastSyncAt: new Date().toISOString() });
  } catch (err) {
    if (isApiError(err) && err.status === 401) setStatus({ needsLogin: true });
    else if (isApiError(err) && err.status === 0) setStatus({ online: false });
    setStatus({ lastError: err instanceof Error ? err.message : String(err) });
  } finally {
    setStatus({ syncing: false });
  }
}

/** Runs a pass now (or joins the one running). `force` also retries posts still waiting out their backoff. */
export function syncNow(userId: number, force = false): Promise<void> {
  if (running) {
    // asked again while a pass runs (e.g. a sheet was just queued): one more pass after it
    again = { userId, force: force || (again?.force ?? false) };
    return running;
  }
  const run = () => pass(userId, force);
  const locked =
    typeof navigator !== 'undefined' && navigator.locks
      ? navigator.locks.request(`patuh-sync-${userId}`, { ifAvailable: true }, (lock) => (lock ? run() : undefined))
      : run();
  running = Promise.resolve(locked).finally(() => {
    running = null;
    const next = again;
    again = null;
    if (next) void syncNow(next.userId, next.force);
  });
  return running;
}

/** Starts syncing for a signed-in collector; returns the stop function. */
export function startSync(userId: number): () => void {
  const online = () => {
    setStatus({ online: true });
    void syncNow(userId, true);
  };
  const offline = () => setStatus({ online: false });
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  const timer = window.setInterval(() => {
    if (navigator.onLine) void syncNow(userId);
  }, TICK_MS);
  setStatus({ online: navigator.onLine });
  if (navigator.onLine) void syncNow(userId, true);
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
    window.clearInterval(timer);
  };
}
