/**
 * A worker thread that renders report documents to files. It receives plain models
 * (no functions cross the thread boundary), builds the document definitions itself
 * and writes the PDF; rendering is CPU-bound, so a batch uses one worker per core.
 */
import { writeFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { renderJob } from './render-job.ts';
import type { RenderJob, RenderReply } from './render-pool.ts';

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs as a worker thread');

port.on('message', async (job: RenderJob) => {
  let reply: RenderReply;
  try {
    const pdf = await renderJob(job);
    await writeFile(job.file, pdf);
    reply = { id: job.id, ok: true, bytes: pdf.length };
  } catch (e) {
    reply = { id: job.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(reply);
});
