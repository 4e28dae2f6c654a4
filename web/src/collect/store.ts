/**
 * The device's own store (IndexedDB "patuh-collect"): drafts of sheets, the outbox
 * of posts waiting for the server, evidence files, and small facts (the pull cursor).
 * Every write tells the open pages (and other tabs) so they show the new state.
 */
import { type Db, openDatabase, request, wrap } from './idb';
import type { Draft, EvidenceFile, OutboxEntry } from './model';

const DB_NAME = 'patuh-collect';
const VERSION = 1;

const db: Db = wrap(() =>
  openDatabase(DB_NAME, VERSION, (d, old) => {
    if (old < 1) {
      d.createObjectStore('drafts', { keyPath: 'key' }).createIndex('userId', 'userId');
      d.createObjectStore('outbox', { keyPath: 'key' }).createIndex('userId', 'userId');
      d.createObjectStore('evidence', { keyPath: 'sha256' });
      d.createObjectStore('meta', { keyPath: 'key' });
    }
  }),
);

// --- change notices: this tab and the others ---
const local = new EventTarget();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('patuh-collect');
channel?.addEventListener('message', () => local.dispatchEvent(new Event('change')));

function changed(): void {
  local.dispatchEvent(new Event('change'));
  channel?.postMessage('change');
}

export function onStoreChange(listener: () => void): () => void {
  local.addEventListener('change', listener);
  return () => local.removeEventListener('change', listener);
}

// --- drafts ---
export const getDraft = (key: string) => db.get<Draft>('drafts', key);
export const listDrafts = (userId: number) => db.getAll<Draft>('drafts', { index: 'userId', key: userId });

export async function putDraft(d: Draft): Promise<void> {
  await db.put('drafts', d);
  changed();
}

/**
 * Changes a draft inside one transaction (read, change, write), so two quick taps
 * on different items never lose one of them. `change` returns the new draft, or
 * undefined to leave it.
 */
export async function updateDraft(
  key: string,
  change: (d: Draft | undefined) => Draft | undefined,
): Promise<Draft | undefined> {
  const out = await db.transaction(['drafts'], async (tx) => {
    const store = tx.objectStore('drafts');
    const next = change((await request(store.get(key))) as Draft | undefined);
    if (next) store.put(next);
    return next;
  });
  changed();
  return out;
}

// --- outbox ---
export const listOutbox = (userId: number) => db.getAll<OutboxEntry>('outbox', { index: 'userId', key: userId });

/** Puts the post in the outbox and marks its draft queued, together. */
export async function enqueue(entry: OutboxEntry, draft: Draft): Promise<void> {
  await db.transaction(['outbox', 'drafts'], async (tx) => {
    tx.objectStore('outbox').put(entry);
    tx.objectStore('drafts').put(draft);
  });
  changed();
}

export async function putOutbox(entry: OutboxEntry): Promise<void> {
  await db.put('outbox', entry);
  changed();
}

/** Takes a post out of the outbox and stores what became of its draft, together. */
export async function settle(entryKey: string, draft: Draft | undefined): Promise<void> {
  await db.transaction(['outbox', 'drafts'], async (tx) => {
    tx.objectStore('outbox').delete(entryKey);
    if (draft) tx.objectStore('drafts').put(draft);
  });
  changed();
}

// --- evidence ---
export const getEvidence = (sha256: string) => db.get<EvidenceFile>('evidence', sha256);

export async function putEvidence(file: EvidenceFile): Promise<void> {
  await db.put('evidence', file);
  changed();
}

/**
 * Frees the device of files the server holds for good (their sheet was validated).
 * Files not uploaded yet are never touched.
 */
export async function forgetUploadedEvidence(sha256s: string[]): Promise<void> {
  if (sha256s.length === 0) return;
  await db.transaction(['evidence'], async (tx) => {
    const store = tx.objectStore('evidence');
    for (const sha of sha256s) {
      const f = (await request(store.get(sha))) as EvidenceFile | undefined;
      if (f?.uploaded) store.delete(sha);
    }
  });
  changed();
}

// --- small facts ---
export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await db.get<{ key: string; value: T }>('meta', key))?.value;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await db.put('meta', { key, value });
}
