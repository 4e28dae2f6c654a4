import { describe, expect, it } from 'vitest';
import { findUnstorableText, unstorableReason } from './text-input.ts';

describe('text the database cannot hold', () => {
  it('finds NUL bytes and lone surrogates, and passes whole characters', () => {
    expect(unstorableReason('a\u0000b')).toMatch(/NUL/);
    expect(unstorableReason('\ud800')).toMatch(/lone surrogate/);
    expect(unstorableReason('x\udfffy')).toMatch(/lone surrogate/);
    expect(unstorableReason('\udc00\ud800')).toMatch(/lone surrogate/);
    expect(unstorableReason('😀 Kota Bekasi é')).toBeNull();
    expect(unstorableReason('')).toBeNull();
  });

  it('names where it is in a nested value, keys included', () => {
    expect(findUnstorableText({ items: [{ note: 'ok' }, { note: 'a\u0000' }] })).toEqual({
      path: 'items.1.note',
      message: expect.stringMatching(/NUL/),
    });
    expect(findUnstorableText({ 'k\ud800': 1 })?.path).toBe('k\ud800');
    expect(findUnstorableText({ a: [1, true, null, { b: '😀' }] })).toBeNull();
  });
});
