/**
 * Every report card of a cycle (and the certificates of the green zone) into a folder.
 * Data is read once for the cycle and explained in chunks; rendering runs on worker
 * threads, one per core, while the next chunk is explained.
 */

import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { decideCertificate } from '../../domain/report/certificate.ts';
import type { ServiceContext } from '../context.ts';
import type { CycleRef } from '../cycles.ts';
import { explainResults } from '../results/explain.ts';
import { createRenderPool } from './render-pool.ts';
import { cardFileName, cardModel, certificateFileName, loadReportData, type RenderOptions } from './report-card.ts';

export interface BatchOptions extends RenderOptions {
  certificates?: boolean;
  /** worker threads; 0 renders on the calling thread. Default: one per core (at most 4), none for a handful */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface BatchReport {
  cycle: number;
  dir: string;
  cards: number;
  certificates: number;
  bytes: number;
  seconds: number;
}

const CHUNK = 50;
const MAX_IN_FLIGHT = 64;

export function defaultWorkers(documents: number): number {
  if (documents < 8) return 0;
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

export async function generateReportCards(
  ctx: ServiceContext,
  ref: CycleRef,
  outDir: string,
  opts: BatchOptions = {},
): Promise<BatchReport> {
  const t0 = performance.now();
  await mkdir(outDir, { recursive: true });
  const data = await loadReportData(ctx, ref);
  const year = data.cycle.year;
  const green = opts.certificates ? data.results.filter((r) => decideCertificate(year, r).ok).length : 0;
  const total = data.results.length + green;
  const printedAt = (opts.printedAt ?? new Date()).toISOString();
  const compress = opts.compress ?? true;
  const pool = createRenderPool(opts.workers ?? defaultWorkers(total));
  const inFlight = new Set<Promise<void>>();
  let done = 0;
  let bytes = 0;
  let cards = 0;
  let certificates = 0;
  let failed: unknown;
  const track = (p: Promise<number>) => {
    const t: Promise<void> = p.then(
      (n) => {
        bytes += n;
        done += 1;
        opts.onProgress?.(done, total);
      },
      (e) => {
        failed ??= e;
      },
    );
    const tracked = t.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };
  try {
    opts.onProgress?.(0, total);
    for (let i = 0; i < data.results.length && failed === undefined; i += CHUNK) {
      const explained = await explainResults(ctx, data.cycle, data.results.slice(i, i + CHUNK));
      for (const x of explained) {
        const model = cardModel(data, x, opts.findings);
        track(
          pool.render(
            { kind: 'card', model, printedAt, compress },
            path.join(outDir, cardFileName(model.entity, year)),
          ),
        );
        cards += 1;
        if (opts.certificates) {
          const decision = decideCertificate(year, x.result);
          if (decision.ok) {
            const file = path.join(outDir, certificateFileName(decision.model.entity, year));
            track(pool.render({ kind: 'certificate', model: decision.model, printedAt, compress }, file));
            certificates += 1;
          }
        }
        while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      }
    }
    await Promise.all(inFlight);
    if (failed !== undefined) throw failed;
  } finally {
    await pool.close();
  }
  return { cycle: year, dir: outDir, cards, certificates, bytes, seconds: (performance.now() - t0) / 1000 };
}
