/**
 * The random numbers of a draw: a counter-mode stream over SHA-256, so that every
 * number can be recomputed by hand with `sha256sum` (docs/sampling.md).
 *
 * Block i of the stream for (seed, entity, purpose) is
 *   SHA-256(UTF-8 of `${seed}:${entity}:${purpose}:${i}`)     i = 0, 1, 2, …
 * and each block gives eight 32-bit words, read big-endian, in order. A stream has
 * one purpose (the units of one kind, the products of one unit), so adding a
 * candidate of one kind never changes what is drawn for another.
 */
import { sha256TextWords } from './sha256.ts';

export interface RandomStream {
  /** the next 32-bit word of the stream, 0 ≤ x < 2^32 */
  nextUint32(): number;
}

export function createStream(seed: string, entity: string, purpose: string): RandomStream {
  let counter = 0;
  let block: Uint32Array = new Uint32Array(0);
  let used = 0;
  return {
    nextUint32() {
      if (used === block.length) {
        block = sha256TextWords(`${seed}:${entity}:${purpose}:${counter}`);
        counter += 1;
        used = 0;
      }
      const x = block[used] as number;
      used += 1;
      return x;
    },
  };
}

const TWO_32 = 2 ** 32;

/**
 * A uniformly distributed integer 0 ≤ r < n. Rejection sampling: words at or above
 * the largest multiple of n below 2^32 are thrown away and the next word is read,
 * so every r is equally likely (a plain `x mod n` would favour small r). Always
 * reads at least one word, also when n is 1.
 */
export function uniformInt(stream: RandomStream, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`uniformInt needs 1 ≤ n ≤ 2^32, got ${n}`);
  const limit = TWO_32 - (TWO_32 % n);
  for (;;) {
    const x = stream.nextUint32();
    if (x < limit) return x % n;
  }
}

/**
 * k items out of `items` (already in canonical order), every k-subset equally likely:
 * a partial Fisher–Yates shuffle, i = 0 … k−1: j = i + uniformInt(n − i), swap i and j.
 * Returns the first k items in the order drawn. Reads nothing when k is 0.
 */
export function chooseK<T>(stream: RandomStream, items: readonly T[], k: number): T[] {
  const a = items.slice();
  const take = Math.min(k, a.length);
  for (let i = 0; i < take; i++) {
    const j = i + uniformInt(stream, a.length - i);
    const t = a[i] as T;
    a[i] = a[j] as T;
    a[j] = t;
  }
  return a.slice(0, take);
}
