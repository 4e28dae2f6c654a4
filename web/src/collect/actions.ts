/**
 * What the assessor does to a sheet on the device: answer, attach, send, take
 * back, settle a conflict. Each change is one IndexedDB transaction; a sheet gets
 * its client id the first time anything in it is saved.
 */
import { type Answer, answersFrom, type Draft, draftKey, type Gps, newId, type OutboxEntry, toPayload } from './model';
import { currentPosition } from './photo';
import type { SubmissionKind } from './schemas';
import { enqueue, settle, updateDraft } from './store';
import { syncNow } from './sync';

/** Who collects what: the sheet's place, as the assignment names it. */
export interface SheetPlace {
  userId: number;
  year: number;
  entity: { code: string; name: string };
  unit: { id: number; name: string };
}

export const isEditable = (d: Draft | undefined): boolean => !d || d.state === 'editing' || d.state === 'rejected';

function newDraft(p: SheetPlace, kind: SubmissionKind, respondent: string): Draft {
  const now = new Date().toISOString();
  return {
    key: draftKey(p.userId, p.year, p.unit.id, kind, respondent),
    userId: p.userId,
    year: p.year,
    entity: p.entity,
    unit: p.unit,
    kind,
    respondent,
    id: newId(),
    baseVersion: 0,
    answers: {},
    state: 'editing',
    createdAt: now,
    updatedAt: now,
  };
}

/** Where the sheet was filled in: asked once, when it is first saved, without waiting for it. */
function recordPosition(key: string): void {
  void currentPosition().then((gps: Gps | null) => {
    if (!gps) return;
    void updateDraft(key, (d) => (d && !d.gps && isEditable(d) ? { ...d, gps } : undefined));
  });
}

/** Changes one answer of a sheet (made on first save). Returns false when the sheet cannot be changed now. */
export async function setAnswer(
  p: SheetPlace,
  kind: SubmissionKind,
  respondent: string,
  indicator: string,
  change: (a: Answer) => Answer,
): Promise<boolean> {
  const key = draftKey(p.userId, p.year, p.unit.id, kind, respondent);
  let created = false;
  const d = await updateDraft(key, (cur) => {
    if (!isEditable(cur)) return undefined;
    created = !cur;
    const draft = cur ?? newDraft(p, kind, respondent);
    const before = draft.answers[indicator] ?? { evidence: [] };
    return {
      ...draft,
      state: 'editing',
      error: undefined,
      answers: { ...draft.answers, [indicator]: change(before) },
      updatedAt: new Date().toISOString(),
    };
  });
  if (created) recordPosition(key);
  return d !== undefined;
}

/** Puts sheets in the outbox (each with its client id and base version) and starts a sync. */
export async function send(drafts: Draft[]): Promise<void> {
  for (const d of drafts) {
    if (!isEditable(d)) continue;
    const queued: Draft = { ...d, state: 'queued', error: undefined, updatedAt: new Date().toISOString() };
    const entry: OutboxEntry = {
      key: `${d.id}@${d.baseVersion}`,
      draftKey: d.key,
      userId: d.userId,
      payload: toPayload(queued),
      attempts: 0,
      nextAttemptAt: 0,
      queuedAt: queued.updatedAt,
    };
    await enqueue(entry, queued);
  }
  const userId = drafts[0]?.userId;
  if (userId !== undefined && navigator.onLine) void syncNow(userId, true);
}

/** Takes a waiting sheet out of the outbox to change it. */
export async function withdraw(d: Draft): Promise<void> {
  if (d.state !== 'queued') return;
  await settle(`${d.id}@${d.baseVersion}`, { ...d, state: 'editing', updatedAt: new Date().toISOString() });
}

/**
 * Settles a conflict. `keep` lists the indicators where the device's answer wins;
 * the others take the server's. With any kept answer the sheet is sent again from
 * the server's version; otherwise the device simply takes the server's sheet.
 */
export async function resolveConflict(d: Draft, keep: Set<string>): Promise<void> {
  const c = d.conflict;
  if (!c) return;
  const server = answersFrom(c.serverItems);
  const answers: Record<string, Answer> = {};
  for (const code of new Set([...Object.keys(server), ...Object.keys(d.answers)])) {
    const pick = keep.has(code) ? d.answers[code] : server[code];
    if (pick) answers[code] = pick;
  }
  const now = new Date().toISOString();
  const serverStatus = c.serverStatus ?? 'submitted';
  const resolved: Draft = {
    ...d,
    answers,
    baseVersion: c.serverVersion,
    conflict: undefined,
    updatedAt: now,
    state: keep.size > 0 || serverStatus === 'returned' ? 'editing' : 'sent',
    server: {
      sheetId: d.server?.sheetId ?? d.id,
      comments: d.server?.comments ?? [],
      ...d.server,
      status: serverStatus,
      version: c.serverVersion,
    },
  };
  await updateDraft(d.key, () => resolved);
  if (keep.size > 0) await send([resolved]);
}
