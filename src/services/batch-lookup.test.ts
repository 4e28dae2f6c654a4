import { describe, expect, it } from 'vitest';
import { BatchLookup } from './batch-lookup.ts';

describe('BatchLookup', () => {
  it('answers the lookups of one turn with one load, each caller its own key', async () => {
    const calls: string[][] = [];
    const b = new BatchLookup<string, number>(async (keys) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 'x').map((k) => [k, k.length]));
    });
    const got = await Promise.all([b.get('a'), b.get('bb'), b.get('a'), b.get('x')]);
    expect(got).toEqual([1, 2, 1, undefined]);
    expect(calls).toEqual([['a', 'bb', 'x']]);
    expect(await b.get('ccc')).toBe(3);
    expect(calls).toHaveLength(2);
    expect(b.loads).toBe(2);
  });

  it('fails every caller of a failed load, and the next turn loads again', async () => {
    let fail = true;
    const b = new BatchLookup<string, string>(async (keys) => {
      if (fail) throw new Error('database gone');
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    });
    const results = await Promise.allSettled([b.get('a'), b.get('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await b.get('a')).toBe('A');
  });
});
