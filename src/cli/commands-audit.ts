/** patuh audit verify / log (docs/audit.md) */
import type { Command } from 'commander';
import { AppError } from '../errors.ts';
import { recentAudit } from '../services/audit/history.ts';
import { verifyAuditChain } from '../services/audit/verify-chain.ts';
import { printJson, withContext } from './runtime.ts';

function parseAnchor(text: string): { seq: number; hash: string } {
  const m = /^([1-9]\d*):([0-9a-f]{64})$/.exec(text.trim());
  if (!m) throw new AppError('VALIDATION_FAILED', `--anchor is SEQ:HASH (as verify printed it), not "${text}"`);
  return { seq: Number(m[1]), hash: m[2] as string };
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit trail (docs/audit.md)');

  audit
    .command('verify')
    .description('recompute every hash of the audit chain; exit 0 when intact, 1 naming the first broken entry')
    .option('--anchor <seq:hash>', 'also check that entry SEQ still has HASH (a head recorded earlier, elsewhere)')
    .option('--json', 'print JSON')
    .action(async (o: { anchor?: string; json?: boolean }) =>
      withContext(async ({ ctx }) => {
        const anchor = o.anchor ? parseAnchor(o.anchor) : undefined;
        const r = await verifyAuditChain(ctx.db, anchor ? { anchor } : {});
        if (o.json) printJson(r);
        else if (r.intact) {
          console.log(`intact (${r.entries} entries)`);
          if (r.head) console.log(`head ${r.head.seq}:${r.head.hash}`);
        } else if (r.problem) {
          const p = r.problem;
          console.log(`broken at seq ${p.seq}${p.id === null ? '' : ` (id ${p.id})`}: ${p.kind} — ${p.message}`);
          if (p.expected !== undefined) console.log(`  expected ${p.expected}\n  found    ${p.found}`);
          console.log(`${r.entries} entries before it are intact`);
        }
        if (!r.intact) process.exitCode = 1;
      }, o.json),
    );

  audit
    .command('log')
    .description('the latest audit entries, newest first')
    .option('--subject <subject>', 'only this subject, e.g. cycle:2025, unit:431, submission:<uuid>')
    .option('--limit <n>', 'how many (default 50)', '50')
    .option('--json', 'print JSON')
    .action(async (o: { subject?: string; limit: string; json?: boolean }) =>
      withContext(async ({ ctx }) => {
        const limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) {
          throw new AppError('VALIDATION_FAILED', `--limit is a whole number from 1 to 100000, not "${o.limit}"`);
        }
        const rows = await recentAudit(ctx, { ...(o.subject ? { subject: o.subject } : {}), limit });
        if (o.json) {
          printJson(rows.map((e) => ({ ...e, at: e.at.toISOString() })));
          return;
        }
        for (const e of rows) {
          const change = [
            e.before === null ? null : `before ${JSON.stringify(e.before)}`,
            e.after === null ? null : `after ${JSON.stringify(e.after)}`,
          ]
            .filter(Boolean)
            .join(' ');
          console.log(
            `${String(e.seq).padStart(6)}  ${e.at.toISOString()}  ${e.actor}  ${e.action}  ${e.subject}${change ? `  ${change}` : ''}`,
          );
        }
        if (rows.length === 0) console.log(o.subject ? `no entries for ${o.subject}` : 'no entries');
      }, o.json),
    );
}
