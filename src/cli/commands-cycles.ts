/** patuh cycle create / list: assessments (ADR 0012) */
import type { Command } from 'commander';
import { AppError } from '../errors.ts';
import { SYSTEM } from '../services/auth/principal.ts';
import type { Track } from '../services/cycles.ts';
import { createCycle } from '../services/lifecycle/create-cycle.ts';
import { listVisibleCycles } from '../services/lifecycle/visible-cycles.ts';
import { printJson, withContext } from './runtime.ts';

export function registerCycleCommands(program: Command): void {
  const cycle = program
    .command('cycle')
    .description('assessments: an edition, a track and the levels it covers, in a year');
  cycle
    .command('create')
    .description('create an assessment in draft (its edition is frozen in the database)')
    .requiredOption('--year <year>', 'the year, e.g. 2026')
    .requiredOption('--edition <code>', 'an instrument edition in instruments/editions')
    .option('--code <code>', 'the assessment code (default: the year), e.g. 2026-kementerian')
    .option('--bands <scheme>', 'a band scheme in instruments/bands', 'categories-2022')
    .option('--levels <list>', 'levels it covers, comma-separated (default: all)')
    .option('--track <track>', 'official or self', 'official')
    .option('--parent <code>', 'for --track self: the official assessment whose units it shares')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        year: string;
        edition: string;
        code?: string;
        bands: string;
        levels?: string;
        track: string;
        parent?: string;
        json?: boolean;
      }) =>
        withContext(async ({ ctx }) => {
          const year = Number(o.year);
          if (!Number.isInteger(year) || year < 2000 || year > 2100)
            throw new AppError('VALIDATION_FAILED', `"${o.year}" is not a year (e.g. 2026)`);
          if (o.track !== 'official' && o.track !== 'self')
            throw new AppError('VALIDATION_FAILED', `--track is official or self, not "${o.track}"`);
          const row = await createCycle(ctx, SYSTEM, {
            year,
            edition: o.edition,
            bandScheme: o.bands,
            ...(o.code ? { code: o.code } : {}),
            track: o.track as Track,
            ...(o.levels ? { levels: o.levels.split(',').map((l) => l.trim()) } : {}),
            ...(o.parent ? { parent: o.parent } : {}),
          });
          if (o.json) return printJson(row);
          console.log(
            `created assessment ${row.code} (${row.year}, ${row.track}, ${row.edition}; ${row.levels.join(', ')})`,
          );
        }, o.json),
    );
  cycle
    .command('list')
    .description('the assessments, by year')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) =>
      withContext(async ({ ctx }) => {
        const rows = await listVisibleCycles(ctx, SYSTEM);
        if (o.json) return printJson(rows);
        for (const c of rows)
          console.log(
            `${c.year}  ${c.code.padEnd(20)} ${c.track.padEnd(8)} ${(c.edition ?? '-').padEnd(14)} ${c.status}`,
          );
      }, o.json),
    );
}
