/**
 * The worker thread of one import: reads the file, checks every row and resolves its
 * names against the registry snapshot it was given, and posts back the rows (typed
 * arrays moved, not copied) or the error. The main thread only writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../errors.ts';
import type { WorkerJob, WorkerReply } from './run-import-worker.ts';
import { validateAnswers } from './validate-answers.ts';
import { validateResults } from './validate-results.ts';

const job = workerData as WorkerJob;
const port = parentPort;

function post(reply: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(reply, transfer);
}

async function run(): Promise<void> {
  const progress = (done: number, total: number) => post({ type: 'progress', done, total });
  try {
    if (job.kind === 'answers') {
      const data = await validateAnswers(job.input, progress);
      const buffers = [data.slotOfRow, data.indicatorOfRow, data.respondentOfRow, data.valueOfRow].map(
        (a) => a.buffer as ArrayBuffer,
      );
      post({ type: 'answers', data }, buffers);
    } else {
      post({ type: 'results', data: await validateResults(job.input, progress) });
    }
  } catch (e) {
    if (e instanceof AppError) post({ type: 'rejected', code: e.code, message: e.message, details: e.details ?? null });
    else post({ type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

await run();
