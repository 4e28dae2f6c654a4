/** patuh instrument / import / results / explain */
import type { Command } from 'commander';
import { presentResult as resultJson } from '../present/results.ts';
import { type CycleRef, loadCycle, parseYear, requireInstrument } from '../services/cycles.ts';
import { importAnswers } from '../services/imports/import-answers.ts';
import { importResults } from '../services/imports/import-results.ts';
import { importTrust } from '../services/imports/import-trust.ts';
import { describeInstrument } from '../services/instrument-view.ts';
import { explainEntity } from '../services/results/explain.ts';
import { cycleResults } from '../services/results/results.ts';
import { formatExplanation } from './format-explain.ts';
import { type Progress as BaseProgress, createProgress } from './progress.ts';
import { type Opened, printJson, withContext } from './runtime.ts';

type Progress = BaseProgress & { report(r: unknown): void };

/** Warnings of an import, one "warning:" line each, before its summary. */
function warningLines(warnings: readonly string[]): string {
  return warnings.map((w) => `warning: ${w}\n`).join('');
}

export function registerDataCommands(program: Command): void {
  const instrument = program.command('instrument').description('the assessment instrument of a cycle');
  instrument
    .command('show')
    .description('dimensions → variables → indicators of a cycle’s instrument')
    .requiredOption('--cycle <year>', 'cycle year (e.g. 2022) or assessment code (e.g. 2026-pemda)')
    .option('--json', 'print JSON')
    .action(async (o: { cycle: string; json?: boolean }) =>
      withContext(async ({ ctx }) => {
        const cycle = await loadCycle(ctx, parseYear(o.cycle));
        const inst = requireInstrument(cycle);
        const shape = { cycle: cycle.year, ...describeInstrument(inst, 'full', cycle.settings.serviceUsersPerUnit) };
        if (o.json) return printJson(shape);
        console.log(`${inst.name.id} (${inst.edition}) — siklus ${cycle.year}`);
        for (const d of inst.dimensions) {
          console.log(`\n${d.code}  ${d.name.id}  (bobot ${d.weight})`);
          for (const v of d.variables) {
            console.log(`  ${v.code}  ${v.name.id}  (bobot ${v.weight})`);
            for (const i of v.indicators) console.log(`    ${i.code}  ${i.text.id}  [${i.method}]`);
          }
        }
      }, o.json),
    );

  const imp = program.command('import').description('import answers, published results or public trust (CSV or XLSX)');
  const importCommand = (
    name: string,
    description: string,
    run: (o: Opened, file: string, year: CycleRef, progress: Progress) => Promise<string>,
  ) =>
    imp
      .command(`${name} <file>`)
      .description(description)
      .requiredOption('--cycle <year>', 'cycle year or assessment code')
      .option('--json', 'print the report as JSON')
      .option('--no-progress', 'no progress on stderr')
      .action(async (file: string, o: { cycle: string; json?: boolean; progress: boolean }) =>
        withContext(async (opened) => {
          const progress = createProgress(o.progress);
          let summary: string;
          let report: unknown;
          try {
            summary = await run(opened, file, parseYear(o.cycle), {
              ...progress,
              report: (r: unknown) => {
                report = r;
              },
            });
          } finally {
            progress.stop();
          }
          if (o.json) printJson(report);
          else console.log(summary);
        }, o.json),
      );
  importCommand(
    'answers',
    'import answers: columns entity,unit,indicator,respondent,value (value 0–3 or NA)',
    async ({ ctx, config }, file, year, p) => {
      const r = await importAnswers(ctx, file, year, {
        limits: config.imports,
        onProgress: (x) => p.update(x.phase, x.done, x.total),
      });
      p.report(r);
      return `${warningLines(r.warnings)}imported ${r.answers} answers for ${r.units} units of ${r.entities} entities into ${r.cycle} (${r.unitsCreated} new units); results recomputed`;
    },
  );
  importCommand(
    'results',
    'import published results: entity,score or entity,unit,score (optional level column)',
    async ({ ctx, config }, file, year, p) => {
      const r = await importResults(ctx, file, year, {
        limits: config.imports,
        onProgress: (d, t) => p.update('read', d, t),
      });
      p.report(r);
      return `${warningLines(r.warnings)}imported published results of ${r.entities} entities (${r.units} units) into ${r.cycle}`;
    },
  );

  importCommand(
    'trust',
    'import public trust (from 2025): entity,trust_score (optional perception, level), 0–100',
    async ({ ctx }, file, year, p) => {
      const r = await importTrust(ctx, file, year);
      p.report(r);
      return `imported public trust of ${r.entities} entities into ${r.cycle}; results re-stored`;
    },
  );

  program
    .command('results')
    .description('results of a cycle: score, category, opinion, zone, rank, units')
    .requiredOption('--cycle <year>', 'cycle year or assessment code')
    .option('--entity <name>', 'only this entity (name, alias or code)')
    .option('--json', 'print JSON')
    .action(async (o: { cycle: string; entity?: string; json?: boolean }) =>
      withContext(async ({ ctx }) => {
        const { results } = await cycleResults(ctx, parseYear(o.cycle), o.entity ? { entity: o.entity } : {});
        if (o.json) return printJson(results.map(resultJson));
        if (results.length === 0) return console.log('no results');
        for (const r of results) {
          console.log(
            `${String(r.rank).padStart(4)}  ${r.score.toFixed(2).padStart(6)}  ${(r.category ?? '-').padEnd(2)} ${(r.zone ?? '-').padEnd(6)} ${r.entity.name}${r.complete ? '' : '  (belum lengkap)'}${r.synthetic ? '  [sintetis]' : ''}`,
          );
        }
      }, o.json),
    );

  program
    .command('explain')
    .description('why an entity got its score: the points each dimension, variable and indicator cost')
    .requiredOption('--cycle <year>', 'cycle year or assessment code')
    .requiredOption('--entity <name>', 'entity name, alias or code')
    .option('--lang <lang>', 'id or en', 'id')
    .option('--json', 'print JSON')
    .action(async (o: { cycle: string; entity: string; lang: string; json?: boolean }) =>
      withContext(async ({ ctx }) => {
        const x = await explainEntity(ctx, parseYear(o.cycle), o.entity);
        if (o.json)
          return printJson({
            result: resultJson(x.result),
            explanation: x.explanation,
            units: x.units.map((u) => ({ name: u.name, explanation: u.explanation })),
          });
        console.log(formatExplanation(x, o.lang === 'en' ? 'en' : 'id'));
      }, o.json),
    );
}
