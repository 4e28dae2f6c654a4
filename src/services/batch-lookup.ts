/**
 * Coalesces lookups made in the same turn of the event loop into one call: every key
 * asked for before the turn's I/O callbacks are done is loaded by one `load(keys)`,
 * scheduled with setImmediate (so no timer, no waiting beyond the turn). For reads
 * that every request makes (an API token's owner): at concurrency 32 a handful of
 * requests arrive per turn, and one statement answers them all. Each caller gets the
 * value of its own key, read when the batch ran, never a cached one.
 */
export class BatchLookup<K, V> {
  readonly #load: (keys: K[]) => Promise<Map<K, V>>;
  #waiting = new Map<K, Array<{ resolve: (v: V | undefined) => void; reject: (e: unknown) => void }>>();
  #scheduled = false;
  /** calls of `load` so far (a test and the benchmark read it) */
  loads = 0;

  constructor(load: (keys: K[]) => Promise<Map<K, V>>) {
    this.#load = load;
  }

  get(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const list = this.#waiting.get(key);
      if (list) list.push({ resolve, reject });
      else this.#waiting.set(key, [{ resolve, reject }]);
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => void this.#run());
      }
    });
  }

  async #run(): Promise<void> {
    const batch = this.#waiting;
    this.#waiting = new Map();
    this.#scheduled = false;
    this.loads += 1;
    try {
      const found = await this.#load([...batch.keys()]);
      for (const [key, list] of batch) for (const w of list) w.resolve(found.get(key));
    } catch (e) {
      for (const list of batch.values()) for (const w of list) w.reject(e);
    }
  }
}
