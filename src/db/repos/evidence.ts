/** Evidence files (by sha256) and what they are linked to. */
import type { Database } from '../database.ts';

export interface EvidenceRow {
  sha256: string;
  mediaType: string;
  size: number;
  createdBy: number | null;
  createdAt: Date;
}

export interface EvidenceLinkRow {
  sha256: string;
  subject: string;
  item: string | null;
  linkedBy: string;
  at: Date;
}

export async function findEvidence(db: Database, sha256: string): Promise<EvidenceRow | undefined> {
  const r = await db
    .selectFrom('evidence')
    .select(['sha256', 'media_type', 'size', 'created_by', 'created_at'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return (
    r && {
      sha256: r.sha256,
      mediaType: r.media_type,
      size: Number(r.size),
      createdBy: r.created_by,
      createdAt: r.created_at,
    }
  );
}

/** Inserts the row unless it exists; true when this call created it. */
export async function insertEvidence(
  db: Database,
  e: { sha256: string; mediaType: string; size: number; createdBy: number | null },
): Promise<boolean> {
  const r = await db
    .insertInto('evidence')
    .values({ sha256: e.sha256, media_type: e.mediaType, size: e.size, created_by: e.createdBy })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .returning('sha256')
    .executeTakeFirst();
  return r !== undefined;
}

/** Which of these hashes have no evidence row. */
export async function missingEvidence(db: Database, hashes: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(hashes)];
  if (wanted.length === 0) return [];
  const found = new Set<string>();
  for (let i = 0; i < wanted.length; i += 1000) {
    const rows = await db
      .selectFrom('evidence')
      .select('sha256')
      .where('sha256', 'in', wanted.slice(i, i + 1000))
      .execute();
    for (const r of rows) found.add(r.sha256);
  }
  return wanted.filter((h) => !found.has(h));
}

/** Inserts the links that do not exist yet; returns those it inserted. */
export async function insertEvidenceLinks(
  db: Database,
  links: ReadonlyArray<{ sha256: string; subject: string; item: string | null; linkedBy: string }>,
): Promise<Array<{ sha256: string; subject: string; item: string | null }>> {
  if (links.length === 0) return [];
  const rows = await db
    .insertInto('evidence_links')
    .values(links.map((l) => ({ evidence_sha256: l.sha256, subject: l.subject, item: l.item, linked_by: l.linkedBy })))
    .onConflict((oc) => oc.doNothing()) // the unique index is on (sha256, subject, coalesce(item, ''))
    .returning(['evidence_sha256', 'subject', 'item'])
    .execute();
  return rows.map((r) => ({ sha256: r.evidence_sha256, subject: r.subject, item: r.item }));
}

export async function linksOfEvidence(db: Database, sha256: string): Promise<EvidenceLinkRow[]> {
  const rows = await db
    .selectFrom('evidence_links')
    .select(['evidence_sha256', 'subject', 'item', 'linked_by', 'at'])
    .where('evidence_sha256', '=', sha256)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    sha256: r.evidence_sha256,
    subject: r.subject,
    item: r.item,
    linkedBy: r.linked_by,
    at: r.at,
  }));
}

/** The evidence linked to a subject (a submission's photos), oldest link first. */
export async function evidenceOfSubject(
  db: Database,
  subject: string,
): Promise<Array<EvidenceLinkRow & { mediaType: string; size: number }>> {
  const rows = await db
    .selectFrom('evidence_links as l')
    .innerJoin('evidence as e', 'e.sha256', 'l.evidence_sha256')
    .select(['l.evidence_sha256', 'l.subject', 'l.item', 'l.linked_by', 'l.at', 'e.media_type', 'e.size'])
    .where('l.subject', '=', subject)
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({
    sha256: r.evidence_sha256,
    subject: r.subject,
    item: r.item,
    linkedBy: r.linked_by,
    at: r.at,
    mediaType: r.media_type,
    size: Number(r.size),
  }));
}

/** Records that the user uploaded these bytes; true when it is the user's first upload of them. */
export async function recordUpload(db: Database, sha256: string, userId: number): Promise<boolean> {
  const r = await db
    .insertInto('evidence_uploads')
    .values({ evidence_sha256: sha256, user_id: userId })
    .onConflict((oc) => oc.columns(['evidence_sha256', 'user_id']).doNothing())
    .returning('evidence_sha256')
    .executeTakeFirst();
  return r !== undefined;
}

/** Which of these hashes the user has uploaded. */
export async function uploadedBy(db: Database, userId: number, hashes: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(hashes)];
  const found = new Set<string>();
  for (let i = 0; i < wanted.length; i += 1000) {
    const rows = await db
      .selectFrom('evidence_uploads')
      .select('evidence_sha256')
      .where('user_id', '=', userId)
      .where('evidence_sha256', 'in', wanted.slice(i, i + 1000))
      .execute();
    for (const r of rows) found.add(r.evidence_sha256);
  }
  return found;
}
