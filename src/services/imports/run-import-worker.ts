/**
 * Runs the reading and checking of one import on its own worker thread
 * (import-worker.ts), so that /health and every other request keep being answered
 * while a file of a million rows is read; one thread per import, ended when done.
 */
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../errors.ts';
import type { AnswerRows, AnswersInput } from './validate-answers.ts';
import type { ResultRows, ResultsInput } from './validate-results.ts';

export type WorkerJob = { kind: 'answers'; input: AnswersInput } | { kind: 'results'; input: ResultsInput };

export type WorkerReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'answers'; data: AnswerRows }
  | { type: 'results'; data: ResultRows }
  | { type: 'rejected'; code: ErrorCode; message: string; details: unknown }
  | { type: 'failed'; message: string };

export function readInWorker(
  job: { kind: 'answers'; input: AnswersInput },
  onProgress?: (done: number, total: number) => void,
): Promise<AnswerRows>;
export function readInWorker(
  job: { kind: 'results'; input: ResultsInput },
  onProgress?: (done: number, total: number) => void,
): Promise<ResultRows>;
export function readInWorker(
  job: WorkerJob,
  onProgress?: (done: number, total: number) => void,
): Promise<AnswerRows | ResultRows> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { workerData: job });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.on('message', (reply: WorkerReply) => {
      switch (reply.type) {
        case 'progress':
          onProgress?.(reply.done, reply.total);
          return;
        case 'answers':
        case 'results':
          settle(() => resolve(reply.data));
          return;
        case 'rejected':
          settle(() => reject(new AppError(reply.code, reply.message, reply.details)));
          return;
        case 'failed':
          settle(() => reject(new Error(`reading the import failed: ${reply.message}`)));
          return;
      }
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`the import worker stopped (exit code ${code}) before it answered`))),
    );
  });
}
