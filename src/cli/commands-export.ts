/** patuh export results|answers: open data files of a published cycle */
import type { Command } from 'commander';
import { AppError } from '../errors.ts';
import { parseYear } from '../services/cycles.ts';
import { exportAnswers } from '../services/exports/answers-export.ts';
import { exportResults, RESULT_LEVELS, type ResultLevel } from '../services/exports/results-export.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../services/exports/table-writer.ts';
import { createProgress } from './progress.ts';
import { printJson, withContext } from './runtime.ts';

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new AppError('VALIDATION_FAILED', `${option} must be one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}

export function registerExportCommands(program: Command): void {
  const exp = program
    .command('export')
    .description('open data of a published cycle (data dictionary: docs/open-data.md)');
  exp
    .command('results')
    .description('results at entity or unit level as CSV, XLSX or JSON')
    .requiredOption('--cycle <year>', 'cycle year or assessment code')
    .requiredOption('--format <format>', EXPORT_FORMATS.join(' | '))
    .requiredOption('-o, --output <file>', 'file to write')
    .option('--level <level>', RESULT_LEVELS.join(' | '), 'entity')
    .option('--no-progress', 'no progress on stderr')
    .option('--json', 'print the report as JSON')
    .action(
      async (o: { cycle: string; format: string; output: string; level: string; progress: boolean; json?: boolean }) =>
        withContext(async ({ ctx }) => {
          const format = oneOf<ExportFormat>(o.format, EXPORT_FORMATS, '--format');
          const level = oneOf<ResultLevel>(o.level, RESULT_LEVELS, '--level');
          const progress = createProgress(o.progress);
          try {
            const r = await exportResults(ctx, parseYear(o.cycle), o.output, {
              format,
              level,
              onProgress: (done, total) => progress.update('export', done, total),
            });
            progress.stop();
            if (o.json) return printJson(r);
            console.log(`wrote ${r.rows} ${r.level} rows of ${r.cycle} to ${r.file} (${r.format})`);
          } finally {
            progress.stop();
          }
        }, o.json),
    );
  exp
    .command('answers')
    .description('every answer (entity, unit, indicator, respondent, value) as CSV')
    .requiredOption('--cycle <year>', 'cycle year or assessment code')
    .option('--format <format>', 'csv', 'csv')
    .requiredOption('-o, --output <file>', 'file to write')
    .option('--no-progress', 'no progress on stderr')
    .option('--json', 'print the report as JSON')
    .action(async (o: { cycle: string; format: string; output: string; progress: boolean; json?: boolean }) =>
      withContext(async ({ ctx }) => {
        const progress = createProgress(o.progress);
        try {
          const r = await exportAnswers(ctx, parseYear(o.cycle), o.output, {
            format: o.format,
            onProgress: (done, total) => progress.update('export', done, total),
          });
          progress.stop();
          if (o.json) return printJson(r);
          console.log(
            `wrote ${r.rows} answers of ${r.cycle} to ${r.file} in ${r.seconds.toFixed(2)} s (${Math.round(r.rows / Math.max(r.seconds, 1e-9)).toLocaleString('en')} answers/s, ${r.method})`,
          );
        } finally {
          progress.stop();
        }
      }, o.json),
    );
}
