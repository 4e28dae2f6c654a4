/** patuh report card|certificate|cards, patuh rankings, patuh export (commands-export.ts) */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatChange, formatScore } from '../domain/report/format.ts';
import type { Improvement } from '../domain/scoring/ranking.ts';
import { AppError } from '../errors.ts';
import { parseYear } from '../services/cycles.ts';
import { generateReportCards } from '../services/reports/batch.ts';
import { certificate, reportCard } from '../services/reports/report-card.ts';
import { cycleRankings, RANKING_KINDS, type RankingKind } from '../services/results/rankings.ts';
import type { EntityResultView } from '../services/results/results.ts';
import { registerExportCommands } from './commands-export.ts';
import { createProgress } from './progress.ts';
import { printJson, withContext } from './runtime.ts';

function parseCount(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new AppError('VALIDATION_FAILED', `${what} must be a whole number, got "${value}"`);
  return n;
}

function rankedRow(r: EntityResultView) {
  return {
    rank: r.rank,
    provinceRank: r.provinceRank,
    entity: r.entity,
    score: r.score,
    category: r.category,
    opinion: r.opinion,
    zone: r.zone,
    synthetic: r.synthetic,
  };
}

function line(rank: number | null, r: Pick<EntityResultView, 'score' | 'category' | 'zone' | 'entity' | 'synthetic'>) {
  return `${String(rank ?? '-').padStart(4)}  ${formatScore(r.score).padStart(6)}  ${(r.category ?? '-').padEnd(2)} ${(r.zone ?? '-').padEnd(6)} ${r.entity.name}${r.synthetic ? '  [sintetis]' : ''}`;
}

function improvementLine(i: Improvement): string {
  const was = `${formatScore(i.previous.score)} ${i.previous.category ?? i.previous.zone}`;
  const now = `${formatScore(i.current.score)} ${i.current.category ?? i.current.zone}`;
  return `${String(i.rank).padStart(4)}  ${formatChange(i.changeHundredths).padStart(7)}  ${was.padEnd(14)} → ${now.padEnd(14)} ${i.entity.name}`;
}

export function registerReportCommands(program: Command): void {
  const report = program
    .command('report')
    .description('report cards (rapor) and certificates (piagam penghargaan) as PDF');
  report
    .command('card')
    .description('the report card of one entity')
    .requiredOption('--cycle <year>', 'cycle year or assessment code')
    .requiredOption('--entity <name>', 'entity name, alias or code')
    .requiredOption('-o, --output <file>', 'PDF file to write')
    .option('--findings <n>', 'how many findings to list', '5')
    .action(async (o: { cycle: string; entity: string; output: string; findings: string }) =>
      withContext(async ({ ctx }) => {
        const r = await reportCard(ctx, parseYear(o.cycle), o.entity, {
          findings: parseCount(o.findings, '--findings'),
        });
        await writeFile(o.output, r.pdf);
        console.log(
          `wrote ${o.output}: rapor ${r.model.year} ${r.model.entity.name} (${formatScore(r.model.score)}, ${r.model.findings.length} temuan)`,
        );
      }),
    );
  report
    .command('certificate')
    .description(
      'the certificate of an award band (green zone up to 2024, Kualitas Tertinggi from 2025), unless withheld',
    )
    .requiredOption('--cycle <year>', 'cycle year or assessment code')
    .requiredOption('--entity <name>', 'entity name, alias or code')
    .option('--unit <name>', "a single unit's certificate, by the unit's own score")
    .requiredOption('-o, --output <file>', 'PDF file to write')
    .action(async (o: { cycle: string; entity: string; unit?: string; output: string }) =>
      withContext(async ({ ctx }) => {
        const r = await certificate(ctx, parseYear(o.cycle), o.entity, o.unit === undefined ? {} : { unit: o.unit });
        await writeFile(o.output, r.pdf);
        console.log(`wrote ${o.output}: piagam ${r.model.year} ${r.model.unit ?? r.model.entity.name}`);
      }),
    );
  report
    .command('cards')
    .description('every report card of a cycle into a folder (file names: code-slug-rapor-YEAR.pdf)')
    .requiredOption('--cycle <year>', 'cycle year or assessment code')
    .requiredOption('--out <dir>', 'folder to write into (created if missing)')
    .option('--certificates', 'also the certificates of the green zone (code-slug-piagam-YEAR.pdf)')
    .option('--workers <n>', 'rendering threads (default: one per core, at most 4)')
    .option('--no-progress', 'no progress on stderr')
    .option('--json', 'print the report as JSON')
    .action(
      async (o: {
        cycle: string;
        out: string;
        certificates?: boolean;
        workers?: string;
        progress: boolean;
        json?: boolean;
      }) =>
        withContext(async ({ ctx }) => {
          const progress = createProgress(o.progress);
          try {
            const r = await generateReportCards(ctx, parseYear(o.cycle), o.out, {
              certificates: o.certificates === true,
              ...(o.workers !== undefined ? { workers: parseCount(o.workers, '--workers') } : {}),
              onProgress: (done, total) => progress.update('render', done, total),
            });
            progress.stop();
            if (o.json) return printJson(r);
            console.log(
              `wrote ${r.cards} report cards${o.certificates ? ` and ${r.certificates} certificates` : ''} to ${r.dir} in ${r.seconds.toFixed(1)} s`,
            );
          } finally {
            progress.stop();
          }
        }, o.json),
    );

  program
    .command('rankings')
    .description('rankings of a cycle: per level nationally, per province, most improved, awards')
    .requiredOption('--cycle <year>', 'cycle year or assessment code')
    .option('--kind <kind>', RANKING_KINDS.join(' | '), 'level')
    .option('--limit <n>', 'at most this many rows per table')
    .option('--json', 'print JSON')
    .action(async (o: { cycle: string; kind: string; limit?: string; json?: boolean }) =>
      withContext(async ({ ctx }) => {
        if (!(RANKING_KINDS as readonly string[]).includes(o.kind)) {
          throw new AppError('VALIDATION_FAILED', `--kind must be one of ${RANKING_KINDS.join(', ')}, got "${o.kind}"`);
        }
        const limit = o.limit === undefined ? Number.POSITIVE_INFINITY : parseCount(o.limit, '--limit');
        const r = await cycleRankings(ctx, parseYear(o.cycle), o.kind as RankingKind);
        const cut = <T>(rows: T[]) => rows.slice(0, limit);
        if (r.kind === 'level' || r.kind === 'province') {
          const groups = r.groups.map((g) => ({ ...g, rows: cut(g.rows) }));
          if (o.json) return printJson({ ...r, groups: groups.map((g) => ({ ...g, rows: g.rows.map(rankedRow) })) });
          for (const g of groups) {
            console.log(`\n${'level' in g ? g.level : `Provinsi ${g.province}`}`);
            for (const x of g.rows) console.log(line(r.kind === 'level' ? x.rank : x.provinceRank, x));
          }
          return;
        }
        if (r.kind === 'awards') {
          const rows = cut(r.rows);
          if (o.json) return printJson({ ...r, rows: rows.map(rankedRow) });
          console.log(`Penerima piagam penghargaan ${r.cycle} (zona hijau): ${r.rows.length}`);
          for (const [i, x] of rows.entries()) console.log(line(i + 1, x));
          return;
        }
        const rows = cut(r.rows);
        if (o.json) return printJson({ ...r, rows });
        if (r.previousCycle === null) return console.log(`no published cycle before ${r.cycle} to compare with`);
        console.log(
          `Kenaikan nilai ${r.previousCycle} → ${r.cycle} (${r.rows.length} instansi dengan hasil di kedua siklus)`,
        );
        if (r.schemeChanged)
          console.log(`catatan: ${r.previousCycle} memakai skema pita lain; kategori/zona tidak sepenuhnya sebanding`);
        for (const x of rows) console.log(improvementLine(x));
      }, o.json),
    );

  registerExportCommands(program);
}
