/**
 * Open data: every answer of a published cycle as CSV (entity, unit, indicator,
 * respondent, value), written by the database's COPY straight to the file.
 */
import { createWriteStream } from 'node:fs';
import { countAnswers } from '../../db/repos/answers.ts';
import { type CopyReport, copyAnswersCsv } from '../../db/repos/open-data.ts';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import { type CycleRef, loadCycle } from '../cycles.ts';
import { requirePublished } from './results-export.ts';

export interface AnswersExportReport extends CopyReport {
  cycle: number;
  file: string;
  seconds: number;
}

export async function exportAnswers(
  ctx: ServiceContext,
  year: CycleRef,
  file: string,
  opts: { format?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<AnswersExportReport> {
  if ((opts.format ?? 'csv') !== 'csv') {
    throw new AppError(
      'VALIDATION_FAILED',
      `answers are exported as CSV only (got "${opts.format}"); use --format csv`,
    );
  }
  const cycle = await loadCycle(ctx, year);
  requirePublished(cycle);
  const total = opts.onProgress ? await countAnswers(ctx.db, cycle.id) : 0;
  const t0 = performance.now();
  opts.onProgress?.(0, total);
  const report = await copyAnswersCsv(ctx.db, ctx.runtime.driver, cycle.id, createWriteStream(file), (rows) =>
    opts.onProgress?.(Math.min(rows, total), total),
  );
  opts.onProgress?.(report.rows, Math.max(total, report.rows));
  return { ...report, cycle: cycle.year, file, seconds: (performance.now() - t0) / 1000 };
}
