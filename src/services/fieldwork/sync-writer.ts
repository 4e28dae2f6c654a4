/**
 * Group commit for the sync endpoint. Sheets checked by concurrent requests wait
 * here and are stored together: a flush begins a transaction and, once it has begun
 * (on PGlite: once it holds the one connection), takes everything queued (up to a
 * cap); whatever arrives meanwhile waits for the next flush. No timer: a lone request
 * is flushed at once, so batching only happens when requests really overlap. Every
 * request is answered after the commit of the transaction that holds its sheets; a
 * transaction never holds part of a request. When a shared transaction fails, each
 * request in it is stored again on its own, so one bad request cannot fail others.
 *
 * Why: every stored sheet appends to the hash-chained audit log, whose head row is
 * locked until commit, so transactions that audit run one after another; grouping
 * concurrent requests pays that serial step (and the commit's flush) once per group
 * instead of once per request (docs/adr/0005-fieldwork-sync.md).
 */
import { type Database, rawDriver } from '../../db/database.ts';
import type { SyncResultView } from '../../shared/fieldwork-schemas.ts';
import type { ServiceContext } from '../context.ts';
import { type PreparedSheet, storeSheets, storeSheetsIn } from './sync-store.ts';

/** Sheets per transaction at most (each holds up to 200 items). */
export const MAX_GROUP = 500;

interface Waiting {
  sheets: readonly PreparedSheet[];
  resolve: (r: Map<PreparedSheet, SyncResultView>) => void;
  reject: (e: unknown) => void;
}

export class SyncWriter {
  readonly #ctx: Pick<ServiceContext, 'db' | 'catalog'>;
  readonly #parallel: number;
  /** ms to wait before a transaction begins (PGlite) */
  readonly #settle: number;
  #queue: Waiting[] = [];
  #running = 0;
  /** transactions that stored something, and the sheets they held (the benchmark reports the mean group) */
  readonly stats = { transactions: 0, sheets: 0 };

  constructor(ctx: Pick<ServiceContext, 'db' | 'catalog'>, parallel: number, settleMs = 0) {
    this.#ctx = ctx;
    this.#parallel = parallel;
    this.#settle = settleMs;
  }

  /** Stores the sheets of one request; resolves after their transaction committed. */
  store(sheets: readonly PreparedSheet[]): Promise<Map<PreparedSheet, SyncResultView>> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ sheets, resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#running < this.#parallel && this.#running < this.#queue.length) {
      this.#running += 1;
      void this.#flush().finally(() => {
        this.#running -= 1;
        this.#pump();
      });
    }
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
      const results = await this.#ctx.db.transaction().execute((tx) => {
        group = this.#take();
        if (group.length > 0) {
          this.stats.transactions += 1;
          this.stats.sheets += group.reduce((n, w) => n + w.sheets.length, 0);
        }
        return storeSheetsIn(
          tx,
          this.#ctx.catalog,
          group.flatMap((w) => w.sheets),
        );
      });
      for (const w of group) w.resolve(results);
      return;
    } catch (e) {
      if (group.length <= 1) {
        group[0]?.reject(e);
        return;
      }
    }
    // the shared transaction failed: each request on its own
    for (const w of group) {
      try {
        w.resolve(await storeSheets(this.#ctx, w.sheets));
      } catch (e) {
        w.reject(e);
      }
    }
  }
}

const writers = new WeakMap<Database, SyncWriter>();

/** The writer of a database: two transactions in flight on PostgreSQL (one prepares while the other commits), one on PGlite. */
export function syncWriterFor(ctx: Pick<ServiceContext, 'db' | 'catalog'>): SyncWriter {
  let w = writers.get(ctx.db);
  if (!w) {
    const postgres = rawDriver(ctx.db)?.kind === 'postgres';
    w = new SyncWriter(ctx, postgres ? 2 : 1, postgres ? 0 : Number(process.env.PATUH_SYNC_SETTLE_MS ?? 1));
    writers.set(ctx.db, w);
  }
  return w;
}
