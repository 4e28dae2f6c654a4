/**
 * Renders documents to files on worker threads (one per core by default), or inline
 * when asked for none. Jobs are plain data. Each worker holds a few jobs ahead, so it
 * keeps rendering while the calling thread is busy (on PGlite the database runs on
 * the calling thread, and a chunk's query would otherwise leave the workers idle).
 */
import { writeFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { type RenderSpec, renderJob } from './render-job.ts';

export type RenderJob = RenderSpec & { id: number; file: string };
export type RenderReply = { id: number; ok: true; bytes: number } | { id: number; ok: false; error: string };

export interface RenderPool {
  /** renders and writes the file; resolves with its size in bytes */
  render(spec: RenderSpec, file: string): Promise<number>;
  close(): Promise<void>;
}

interface Pending {
  job: RenderJob;
  resolve(bytes: number): void;
  reject(e: Error): void;
}

/** jobs a worker holds at once */
const AHEAD = 3;

export function createRenderPool(workers: number): RenderPool {
  if (workers <= 0) {
    return {
      async render(spec, file) {
        const pdf = await renderJob(spec);
        await writeFile(file, pdf);
        return pdf.length;
      },
      async close() {},
    };
  }
  const queue: Pending[] = [];
  const sent = new Map<number, Pending>();
  const load = new Map<Worker, number>();
  let nextId = 1;
  let failure: Error | undefined;

  const dispatch = () => {
    while (queue.length > 0) {
      let target: Worker | undefined;
      for (const [w, n] of load) if (n < AHEAD && (target === undefined || n < (load.get(target) ?? 0))) target = w;
      if (!target) return;
      const p = queue.shift() as Pending;
      sent.set(p.job.id, p);
      load.set(target, (load.get(target) ?? 0) + 1);
      target.postMessage(p.job);
    }
  };
  const fail = (e: Error) => {
    failure = e;
    for (const p of [...sent.values(), ...queue.splice(0)]) p.reject(e);
    sent.clear();
  };
  for (let i = 0; i < workers; i++) {
    const w = new Worker(new URL('./render-worker.ts', import.meta.url));
    load.set(w, 0);
    w.on('message', (reply: RenderReply) => {
      load.set(w, Math.max(0, (load.get(w) ?? 1) - 1));
      const p = sent.get(reply.id);
      sent.delete(reply.id);
      if (p) {
        if (reply.ok) p.resolve(reply.bytes);
        else p.reject(new Error(`rendering ${p.job.file} failed: ${reply.error}`));
      }
      dispatch();
    });
    w.on('error', (err: unknown) => fail(err instanceof Error ? err : new Error(String(err))));
  }
  return {
    render(spec, file) {
      if (failure) return Promise.reject(failure);
      return new Promise<number>((resolve, reject) => {
        queue.push({ job: { ...spec, id: nextId++, file }, resolve, reject });
        dispatch();
      });
    },
    async close() {
      await Promise.all([...load.keys()].map((w) => w.terminate()));
    },
  };
}
