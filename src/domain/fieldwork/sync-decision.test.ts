import { describe, expect, it } from 'vitest';
import { decide, decideBatch, type Post, type SheetState, type StoredPost } from './sync-decision.ts';

const post = (over: Partial<Post> = {}): Post => ({ id: 'a', key: 'k', baseVersion: 0, hash: 'h1', ...over });
const stored = (over: Partial<StoredPost> = {}): StoredPost => ({
  postId: 'a',
  baseVersion: 0,
  sheetId: 'a',
  sheetKey: 'k',
  version: 1,
  hash: 'h1',
  ...over,
});
const sheet = (over: Partial<SheetState> = {}): SheetState => ({ id: 'a', status: 'submitted', version: 1, ...over });

describe('sync decisions', () => {
  it('creates a sheet the server does not have', () => {
    expect(decide(post(), undefined, [])).toEqual({ kind: 'create', version: 1 });
  });

  it('treats the same id, base and content as a duplicate, other content as a conflict', () => {
    expect(decide(post(), sheet(), [stored()])).toEqual({ kind: 'duplicate', sheetId: 'a', version: 1 });
    expect(decide(post({ hash: 'h2' }), sheet(), [stored()])).toMatchObject({
      kind: 'conflict',
      reason: 'same_id_other_content',
    });
  });

  it('accepts a returned sheet posted from its current version, with its id or a new one', () => {
    const returned = sheet({ status: 'returned' });
    expect(decide(post({ baseVersion: 1, hash: 'h2' }), returned, [stored()])).toEqual({
      kind: 'new_version',
      sheetId: 'a',
      version: 2,
    });
    expect(decide(post({ id: 'b', baseVersion: 1 }), returned, [])).toEqual({
      kind: 'new_version',
      sheetId: 'a',
      version: 2,
    });
  });

  it('never overwrites: a sheet changed on the server or waiting for review is a conflict', () => {
    expect(decide(post({ id: 'b' }), sheet(), [])).toMatchObject({ kind: 'conflict', reason: 'server_changed' });
    expect(decide(post({ id: 'b', baseVersion: 1 }), sheet({ version: 3, status: 'returned' }), [])).toMatchObject({
      kind: 'conflict',
      reason: 'server_changed',
      sheetId: 'a',
    });
    expect(decide(post({ baseVersion: 1, hash: 'h2' }), sheet({ status: 'verified' }), [stored()])).toMatchObject({
      kind: 'conflict',
      reason: 'awaiting_review',
    });
  });

  it('rejects a base version the server never had and an id used for another sheet', () => {
    expect(decide(post({ baseVersion: 2 }), undefined, [])).toMatchObject({
      kind: 'rejected',
      reason: 'unknown_base_version',
    });
    expect(decide(post({ baseVersion: 5 }), sheet({ status: 'returned' }), [])).toMatchObject({
      kind: 'rejected',
      reason: 'unknown_base_version',
    });
    expect(decide(post({ key: 'other' }), undefined, [stored()])).toMatchObject({
      kind: 'rejected',
      reason: 'id_used_for_another_sheet',
    });
  });

  it('decides a batch in order: a double tap inside one batch is stored once', () => {
    const sheets = new Map<string, SheetState>();
    const posts = new Map<string, StoredPost[]>();
    const d = decideBatch([post(), post(), post({ id: 'b' }), post({ id: 'c', key: 'k2' })], sheets, posts);
    expect(d.map((x) => x.kind)).toEqual(['create', 'duplicate', 'conflict', 'create']);
    expect(sheets.get('k')).toEqual({ id: 'a', status: 'submitted', version: 1 });
    expect(posts.get('a')).toHaveLength(1);
  });
});
