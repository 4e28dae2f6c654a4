import { describe, expect, it } from 'vitest';
import type { SyncResultView } from '../../shared/fieldwork-schemas.ts';
import type { PreparedSheet } from './sync-store.ts';
import { type GroupStore, MAX_GROUP, SyncWriter } from './sync-writer.ts';

const sheet = (id: string) => ({ s: { id } }) as unknown as PreparedSheet;
const stored = (x: PreparedSheet): SyncResultView => ({
  index: 0,
  id: x.s.id,
  status: 'stored',
  submissionId: x.s.id,
  version: 1,
  submissionStatus: 'submitted',
});
const answer = (sheets: readonly PreparedSheet[]) => new Map(sheets.map((x) => [x, stored(x)]));

/** A store whose transactions end when the test says so. */
function slowStore(failWhen: (sheets: readonly PreparedSheet[]) => boolean = () => false) {
  const groups: string[][] = [];
  const alone: string[][] = [];
  let release: () => void = () => {};
  const store: GroupStore = {
    inTransaction: async (take) => {
      const sheets = take();
      groups.push(sheets.map((x) => x.s.id));
      await new Promise<void>((r) => {
        release = r;
      });
      if (failWhen(sheets)) throw new Error('the transaction failed');
      return answer(sheets);
    },
    alone: async (sheets) => {
      alone.push(sheets.map((x) => x.s.id));
      if (failWhen(sheets)) throw new Error('this one fails on its own too');
      return answer(sheets);
    },
  };
  return { store, groups, alone, release: () => release() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the sync writer (group commit)', () => {
  it('stores a lone request at once, and what arrives meanwhile together in the next transaction', async () => {
    const s = slowStore();
    const w = new SyncWriter(s.store);
    const first = w.store([sheet('a')]);
    await tick();
    const later = [w.store([sheet('b')]), w.store([sheet('c'), sheet('d')])];
    await tick();
    expect(s.groups).toEqual([['a']]);
    s.release();
    expect((await first).size).toBe(1);
    await tick();
    expect(s.groups).toEqual([['a'], ['b', 'c', 'd']]);
    s.release();
    const [b, cd] = await Promise.all(later);
    expect([...(b?.values() ?? [])].map((r) => r.status)).toContain('stored');
    expect(cd?.size).toBe(3);
    expect(w.stats).toEqual({ transactions: 2, sheets: 4 });
  });

  it('answers nobody before the commit, and stores each request alone when a shared transaction fails', async () => {
    const s = slowStore((sheets) => sheets.some((x) => x.s.id === 'bad'));
    const w = new SyncWriter(s.store);
    const first = w.store([sheet('a')]);
    await tick();
    let settled = 0;
    const good = w.store([sheet('b')]).then((r) => {
      settled += 1;
      return r;
    });
    const bad = w.store([sheet('bad')]).catch((e: Error) => e);
    s.release();
    await first;
    await tick();
    expect(settled).toBe(0); // its transaction has not committed
    s.release();
    expect((await good).get([...(await good).keys()][0] as PreparedSheet)?.status).toBe('stored');
    expect(await bad).toBeInstanceOf(Error);
    expect(s.alone).toEqual([['b'], ['bad']]);
  });

  it('stores a lone request again on its own when its transaction fails (its sheets may then be judged one by one)', async () => {
    let failed = false;
    const tried: string[][] = [];
    const store: GroupStore = {
      inTransaction: async (take) => {
        take();
        failed = true;
        throw new Error('refused');
      },
      alone: async (sheets) => {
        tried.push(sheets.map((x) => x.s.id));
        return answer(sheets);
      },
    };
    const w = new SyncWriter(store);
    const r = await w.store([sheet('a'), sheet('b')]);
    expect(failed).toBe(true);
    expect(tried).toEqual([['a', 'b']]);
    expect([...r.values()].map((x) => x.status)).toEqual(['stored', 'stored']);
  });

  it('keeps a group under the cap unless one request alone is larger', async () => {
    const s = slowStore();
    const w = new SyncWriter(s.store);
    const first = w.store([sheet('0')]);
    await tick();
    const big = Array.from({ length: MAX_GROUP - 10 }, (_, i) => sheet(`x${i}`));
    const rest = [w.store(big), w.store(Array.from({ length: 20 }, (_, i) => sheet(`y${i}`)))];
    s.release();
    await first;
    await tick();
    s.release();
    await tick();
    s.release();
    await Promise.all(rest);
    expect(s.groups.map((g) => g.length)).toEqual([1, MAX_GROUP - 10, 20]);
  });
});
