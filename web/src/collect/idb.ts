/**
 * A tiny promise wrapper over IndexedDB: open with an upgrade step, one request or
 * one transaction at a time. Nothing more; the stores and their rules live in store.ts.
 */

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves when the transaction commits (so a write is durable before we say it is saved). */
export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

export function openDatabase(
  name: string,
  version: number,
  upgrade: (db: IDBDatabase, oldVersion: number) => void,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('this browser has no IndexedDB: offline collection is not possible'));
      return;
    }
    const req = indexedDB.open(name, version);
    req.onupgradeneeded = (e) => upgrade(req.result, e.oldVersion);
    req.onsuccess = () => {
      const db = req.result;
      // another tab opened a newer version: let it upgrade, this tab reloads its data on next use
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error(`cannot open IndexedDB ${name}`));
    req.onblocked = () => reject(new Error(`IndexedDB ${name} is held open by an older tab; close it and reload`));
  });
}

export interface Db {
  get<T>(store: string, key: IDBValidKey): Promise<T | undefined>;
  getAll<T>(store: string, query?: { index: string; key: IDBValidKey }): Promise<T[]>;
  put(store: string, value: unknown): Promise<void>;
  delete(store: string, key: IDBValidKey): Promise<void>;
  /** Several reads and writes that commit together or not at all. */
  transaction<T>(stores: string[], run: (tx: IDBTransaction) => Promise<T>): Promise<T>;
}

export function wrap(open: () => Promise<IDBDatabase>): Db {
  let opened: Promise<IDBDatabase> | null = null;
  const db = () => {
    opened ??= open().catch((e: unknown) => {
      opened = null;
      throw e;
    });
    return opened;
  };
  const transaction = async <T>(stores: string[], run: (tx: IDBTransaction) => Promise<T>): Promise<T> => {
    const tx = (await db()).transaction(stores, 'readwrite');
    const committed = done(tx);
    const result = await run(tx);
    await committed;
    return result;
  };
  return {
    async get<T>(store: string, key: IDBValidKey) {
      const tx = (await db()).transaction(store, 'readonly');
      return (await request(tx.objectStore(store).get(key))) as T | undefined;
    },
    async getAll<T>(store: string, query?: { index: string; key: IDBValidKey }) {
      const tx = (await db()).transaction(store, 'readonly');
      const s = tx.objectStore(store);
      return (await request(query ? s.index(query.index).getAll(query.key) : s.getAll())) as T[];
    },
    put: (store, value) =>
      transaction([store], async (tx) => {
        tx.objectStore(store).put(value);
      }),
    delete: (store, key) =>
      transaction([store], async (tx) => {
        tx.objectStore(store).delete(key);
      }),
    transaction,
  };
}
