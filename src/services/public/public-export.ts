/**
 * Open-data downloads of a published cycle for the public dashboard: the exports
 * service (services/exports/results-export.ts) writes the file with flat memory into
 * a private temporary directory, and the caller streams it out and then calls
 * `cleanup` (the file is never held in memory). The fingerprint is a hash of the
 * cycle's results, so a download can be answered 304 without exporting again.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ServiceContext } from '../context.ts';
import { exportResults, type ResultLevel } from '../exports/results-export.ts';
import type { ExportFormat } from '../exports/table-writer.ts';
import { cycleResults } from '../results/results.ts';
import { loadPublicCycle } from './public-cycles.ts';

export interface PublicExport {
  /** the written file, to be streamed */
  file: string;
  /** the name the download is saved under */
  filename: string;
  rows: number;
  /** removes the file and its directory; safe to call more than once */
  cleanup(): Promise<void>;
}

export const exportFilename = (year: number, level: ResultLevel, format: ExportFormat) =>
  `patuh-hasil-${level}-${year}.${format}`;

/** A hash of what an export of the cycle would contain (its results as cycleResults gives them). */
export async function publicResultsFingerprint(ctx: ServiceContext, year: number): Promise<string> {
  await loadPublicCycle(ctx, year);
  const { cycle, results } = await cycleResults(ctx, year);
  return createHash('sha256')
    .update(JSON.stringify([cycle.year, cycle.bandScheme, cycle.edition, results]))
    .digest('base64url')
    .slice(0, 27);
}

export async function publicExport(
  ctx: ServiceContext,
  year: number,
  format: ExportFormat,
  level: ResultLevel,
): Promise<PublicExport> {
  await loadPublicCycle(ctx, year);
  const dir = await mkdtemp(path.join(tmpdir(), 'patuh-public-export-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const filename = exportFilename(year, level, format);
  const file = path.join(dir, filename);
  try {
    const report = await exportResults(ctx, year, file, { format, level });
    return { file, filename, rows: report.rows, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
