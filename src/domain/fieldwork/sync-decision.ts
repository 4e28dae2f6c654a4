/**
 * What the server does with one posted sheet, given what it already holds. The
 * rules (docs/api.md "Sync"):
 *
 *  - an id already stored from the same base version with the same content is a
 *    retry or a double tap: `duplicate`, never a second row;
 *  - the same id and base version with other content: `conflict`;
 *  - a sheet the server does not have, posted from base version 0: `create` (version 1);
 *  - a returned sheet, posted from its current version (with its first id or a new
 *    one): `new_version`;
 *  - a sheet that moved past the base version on the server (someone else changed
 *    it, or it was already submitted from another device), or one that is waiting
 *    for review: `conflict`, and the caller shows both — never a silent overwrite;
 *  - a base version the server never had, or an id already used for another sheet:
 *    `rejected`.
 * Posts of one batch are decided in order, each seeing the ones before it.
 */
import type { SubmissionStatus } from './submission.ts';

export interface SheetState {
  /** the sheet's id: the id it was first posted with */
  id: string;
  status: SubmissionStatus;
  version: number;
}

/** A version as stored: the id and base version it was posted with. */
export interface StoredPost {
  postId: string;
  baseVersion: number;
  sheetId: string;
  sheetKey: string;
  version: number;
  hash: string;
}

export interface Post {
  id: string;
  /** sheetKey() of its unit, kind and respondent */
  key: string;
  baseVersion: number;
  /** of its canonical content */
  hash: string;
}

export type ConflictReason = 'server_changed' | 'awaiting_review' | 'same_id_other_content';
export type RejectReason = 'unknown_base_version' | 'id_used_for_another_sheet';

export type Decision =
  | { kind: 'create'; version: 1 }
  | { kind: 'new_version'; sheetId: string; version: number }
  | { kind: 'duplicate'; sheetId: string; version: number }
  | { kind: 'conflict'; sheetId: string; reason: ConflictReason; message: string }
  | { kind: 'rejected'; reason: RejectReason; message: string };

export function decide(post: Post, sheet: SheetState | undefined, storedWithId: readonly StoredPost[]): Decision {
  if (storedWithId.some((s) => s.sheetKey !== post.key)) {
    return {
      kind: 'rejected',
      reason: 'id_used_for_another_sheet',
      message: `the id ${post.id} was already used for another submission; give this one a new id`,
    };
  }
  const same = storedWithId.find((s) => s.baseVersion === post.baseVersion);
  if (same) {
    if (same.hash === post.hash) return { kind: 'duplicate', sheetId: same.sheetId, version: same.version };
    return {
      kind: 'conflict',
      sheetId: same.sheetId,
      reason: 'same_id_other_content',
      message: `submission ${post.id} was already received from version ${post.baseVersion} with other answers`,
    };
  }
  if (!sheet) {
    if (post.baseVersion === 0) return { kind: 'create', version: 1 };
    return {
      kind: 'rejected',
      reason: 'unknown_base_version',
      message: `the server has no version ${post.baseVersion} of this submission`,
    };
  }
  if (post.baseVersion > sheet.version) {
    return {
      kind: 'rejected',
      reason: 'unknown_base_version',
      message: `the server has no version ${post.baseVersion} of this submission (it is at version ${sheet.version})`,
    };
  }
  if (post.baseVersion < sheet.version) {
    return {
      kind: 'conflict',
      sheetId: sheet.id,
      reason: 'server_changed',
      message:
        post.baseVersion === 0
          ? `this sheet was already submitted (version ${sheet.version}, ${sheet.status}); compare the answers`
          : `this sheet changed on the server since version ${post.baseVersion} (now version ${sheet.version}, ${sheet.status}); compare the answers`,
    };
  }
  if (sheet.status !== 'returned') {
    return {
      kind: 'conflict',
      sheetId: sheet.id,
      reason: 'awaiting_review',
      message: `version ${sheet.version} is ${sheet.status}; it can be changed after it is sent back`,
    };
  }
  return { kind: 'new_version', sheetId: sheet.id, version: sheet.version + 1 };
}

/**
 * Decides a batch in order. `sheets` (by sheet key) and `stored` (by post id) are
 * the server's state and are updated as each post is decided.
 */
export function decideBatch(
  posts: readonly Post[],
  sheets: Map<string, SheetState>,
  stored: Map<string, StoredPost[]>,
): Decision[] {
  return posts.map((post) => {
    const d = decide(post, sheets.get(post.key), stored.get(post.id) ?? []);
    if (d.kind === 'create' || d.kind === 'new_version') {
      const sheetId = d.kind === 'create' ? post.id : d.sheetId;
      sheets.set(post.key, { id: sheetId, status: 'submitted', version: d.version });
      const list = stored.get(post.id) ?? [];
      list.push({
        postId: post.id,
        baseVersion: post.baseVersion,
        sheetId,
        sheetKey: post.key,
        version: d.version,
        hash: post.hash,
      });
      stored.set(post.id, list);
    }
    return d;
  });
}
