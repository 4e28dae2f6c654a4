/**
 * Group commit for the sync endpoint. Sheets checked by concurrent requests wait
 * here and are stored together: a flush begins a transaction and, once it has begun
 * (on PGlite: once it holds the one connection), takes everything queued (up to a
 * cap); whatever arrives meanwhile waits for the next flush. No timer: a lone request
 * is flushed at once, so batching only happens when requests really overlap. Every
 * request is answered after the commit of the transaction that holds its sheets; a
 * transaction never holds part of a request. When a shared transaction fails, each
 * request in it is stored again on its own, so one bad request cannot fail others;
 * and when that fails too, each of its sheets on its own (sync-store.ts
 * storeSheetsAlone), so one sheet the database refuses is rejected with its reason
 * and the others are stored.
 * While one transaction runs, the next group gathers.
 *
 * Why: every stored sheet appends to the hash-chained audit log, whose head row is
 * locked until commit, so transactions that audit run one after another; grouping
 * concurrent requests pays that serial step (and the commit's flush) once per group
 * instead of once per request (docs/adr/0005-fieldwork-sync.md).
 */
import type { RawDriver } from '../../db/database.ts';
import type { SyncResultView } from '../../shared/fieldwork-schemas.ts';
import type { ServiceContext } from '../context.ts';
import { type PreparedSheet, storeSheetsAlone, storeSheetsIn } from './sync-store.ts';

/** Sheets per transaction at most (each holds up to 200 items). */
export const MAX_GROUP = 500;

interface Waiting {
  sheets: readonly PreparedSheet[];
  resolve: (r: Map<PreparedSheet, SyncResultView>) => void;
  reject: (e: unknown) => void;
}

type Results = Map<PreparedSheet, SyncResultView>;

/** Where the writer stores (sync-store.ts on a database; a fake in the tests). */
export interface GroupStore {
  /** Runs one transaction; `take` is called once it has begun and gives the sheets to store in it. */
  inTransaction(take: () => readonly PreparedSheet[]): Promise<Results>;
  /** Stores one request's sheets in a transaction of their own. */
  alone(sheets: readonly PreparedSheet[]): Promise<Results>;
}

export class SyncWriter {
  readonly #store: GroupStore;
  /** ms to wait before a transaction begins (PGlite) */
  readonly #settle: number;
  /** transactions in flight at most */
  readonly #parallel: number;
  #queue: Waiting[] = [];
  #running = 0;
  /** transactions that stored something, and the sheets they held (the benchmark reports the mean group) */
  readonly stats = { transactions: 0, sheets: 0 };

  constructor(store: GroupStore, settleMs = 0, parallel = 1) {
    this.#store = store;
    this.#settle = settleMs;
    this.#parallel = parallel;
  }

  /** Stores the sheets of one request; resolves after their transaction committed. */
  store(sheets: readonly PreparedSheet[]): Promise<Results> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ sheets, resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    if (this.#running >= this.#parallel || this.#queue.length === 0) return;
    this.#running += 1;
    void this.#flush().finally(() => {
      this.#running -= 1;
      this.#pump();
    });
  }

  /** The queued requests that fit one group. */
  #take(): Waiting[] {
    const group: Waiting[] = [];
    let size = 0;
    while (this.#queue.length > 0) {
      const next = this.#queue[0] as Waiting;
      if (group.length > 0 && size + next.sheets.length > MAX_GROUP) break;
      group.push(next);
      size += next.sheets.length;
      this.#queue.shift();
    }
    return group;
  }

  async #flush(): Promise<void> {
    let group: Waiting[] = [];
    // PGlite has one connection: let the requests already on their way (signing in uses
    // it too) reach the queue before this transaction takes it
    if (this.#settle > 0) await new Promise((r) => setTimeout(r, this.#settle));
    try {
      const results = await this.#store.inTransaction(() => {
        group = this.#take();
        if (group.length > 0) {
          this.stats.transactions += 1;
          this.stats.sheets += group.reduce((n, w) => n + w.sheets.length, 0);
        }
        return group.flatMap((w) => w.sheets);
      });
      for (const w of group) w.resolve(results);
      return;
    } catch {
      // the shared transaction failed: each request on its own below (and its sheets alone if need be)
    }
    for (const w of group) {
      try {
        w.resolve(await this.#store.alone(w.sheets));
      } catch (e) {
        w.reject(e);
      }
    }
  }
}

/**
 * The writer of a database (one per process: services/runtime.ts): one transaction at
 * a time (on PostgreSQL two in flight made smaller groups and cost more CPU per sheet
 * for the same throughput), waiting 1 ms before each on PGlite so that requests still
 * signing in on its one connection join the group.
 */
export function createSyncWriter(ctx: Pick<ServiceContext, 'db' | 'catalog'>, kind: RawDriver['kind']): SyncWriter {
  const store: GroupStore = {
    inTransaction: (take) => ctx.db.transaction().execute((tx) => storeSheetsIn(tx, ctx.catalog, take())),
    alone: (sheets) => storeSheetsAlone(ctx, sheets),
  };
  return new SyncWriter(store, kind === 'postgres' ? 0 : 1);
}
