import { describe, expect, it } from 'vitest';
import { chooseK, createStream, type RandomStream, uniformInt } from './stream.ts';

/** A stream that plays back fixed words, to test the arithmetic on the edges. */
function fixed(words: number[]): RandomStream & { read: number } {
  const s = {
    read: 0,
    nextUint32() {
      const w = words[s.read];
      if (w === undefined) throw new Error('stream exhausted');
      s.read += 1;
      return w;
    },
  };
  return s;
}

/** Pearson's chi-square statistic of observed counts against equal expected counts. */
function chiSquare(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
}

describe('the SHA-256 counter stream', () => {
  it('reads block 0 word by word, then block 1 (values from sha256sum)', () => {
    const s = createStream('S', '32.75', 'units:puskesmas');
    // printf '%s' 'S:32.75:units:puskesmas:0' | sha256sum → 77e3d491 76ef964d a8b95c35 07cd07ee c03538d2 74e68a72 1f2dd9ef cb70ccfe
    const block0 = [0x77e3d491, 0x76ef964d, 0xa8b95c35, 0x07cd07ee, 0xc03538d2, 0x74e68a72, 0x1f2dd9ef, 0xcb70ccfe];
    expect(Array.from({ length: 8 }, () => s.nextUint32())).toEqual(block0);
    // printf '%s' 'S:32.75:units:puskesmas:1' | sha256sum → 03aaae08 …
    expect(s.nextUint32()).toBe(0x03aaae08);
  });

  it('gives different streams for different seeds, entities and purposes', () => {
    const first = (seed: string, entity: string, purpose: string) => createStream(seed, entity, purpose).nextUint32();
    const values = new Set([first('S', 'A', 'p'), first('T', 'A', 'p'), first('S', 'B', 'p'), first('S', 'A', 'q')]);
    expect(values.size).toBe(4);
  });
});

describe('uniformInt', () => {
  it('rejects the words at or above the largest multiple of n below 2^32', () => {
    // n = 3: 2^32 mod 3 = 1, so the limit is 2^32 − 1 and 0xffffffff is thrown away
    const s = fixed([0xffffffff, 0xfffffffe]);
    expect(uniformInt(s, 3)).toBe(0xfffffffe % 3);
    expect(s.read).toBe(2);
    // n = 2^31 + 1: the limit is n itself, so almost half the words are rejected
    const t = fixed([2 ** 31, 2 ** 31 + 1, 2 ** 32 - 1, 5]);
    expect(uniformInt(t, 2 ** 31 + 1)).toBe(2 ** 31);
    expect(uniformInt(t, 2 ** 31 + 1)).toBe(5);
    expect(t.read).toBe(4);
  });

  it('reads one word for n = 1 and refuses n < 1', () => {
    const s = fixed([123]);
    expect(uniformInt(s, 1)).toBe(0);
    expect(s.read).toBe(1);
    expect(() => uniformInt(s, 0)).toThrow(RangeError);
    expect(() => uniformInt(s, 2.5)).toThrow(RangeError);
  });

  it('is roughly uniform over 7 values (chi-square, 6 degrees of freedom)', () => {
    const counts = new Array<number>(7).fill(0);
    const s = createStream('uniformity', 'X', 'int');
    for (let i = 0; i < 70_000; i++) {
      const r = uniformInt(s, 7);
      counts[r] = (counts[r] ?? 0) + 1;
    }
    // 22.46 is the 0.999 quantile of chi-square with 6 degrees of freedom
    expect(chiSquare(counts)).toBeLessThan(22.46);
  });
});

describe('chooseK', () => {
  it('takes k distinct items, all of them when k ≥ n, none when k = 0', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const s = createStream('k', 'X', 'k');
    const two = chooseK(s, items, 2);
    expect(new Set(two).size).toBe(2);
    expect(two.every((x) => items.includes(x))).toBe(true);
    expect(chooseK(s, items, 9).sort()).toEqual(items);
    const quiet = fixed([]);
    expect(chooseK(quiet, items, 0)).toEqual([]);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('makes every 2-subset of 5 about equally likely over many seeds (chi-square, 9 degrees of freedom)', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 20_000; seed++) {
      const pair = chooseK(createStream(String(seed), 'X', 'units:puskesmas'), items, 2)
        .sort()
        .join('');
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
    expect(counts.size).toBe(10);
    // 27.88 is the 0.999 quantile of chi-square with 9 degrees of freedom
    expect(chiSquare([...counts.values()])).toBeLessThan(27.88);
  });
});
