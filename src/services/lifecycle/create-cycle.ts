import { appendAudit } from '../../db/repos/audit.ts';
import { type CycleRow, insertCycle } from '../../db/repos/cycles.ts';
import { AppError } from '../../errors.ts';
import { canManageCycles, ensure } from '../auth/policy.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';

export interface NewCycleInput {
  year: number;
  /** an instrument edition in instruments/editions */
  edition: string;
  /** a band scheme in instruments/bands */
  bandScheme: string;
  settings?: CycleRow['settings'];
}

/** Creates a cycle in draft from an installed instrument edition and band scheme. */
export async function createCycle(ctx: ServiceContext, actor: Principal, input: NewCycleInput): Promise<CycleRow> {
  ensure(actor, canManageCycles(actor), 'create cycles');
  const problems: string[] = [];
  if (!ctx.catalog.editions.has(input.edition)) {
    problems.push(
      `unknown instrument edition "${input.edition}" (installed: ${[...ctx.catalog.editions.keys()].join(', ')})`,
    );
  }
  if (!ctx.catalog.bandSchemes.has(input.bandScheme)) {
    problems.push(
      `unknown band scheme "${input.bandScheme}" (installed: ${[...ctx.catalog.bandSchemes.keys()].join(', ')})`,
    );
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.join('; '), { problems });
  return ctx.db.transaction().execute(async (tx) => {
    const row = await insertCycle(tx, {
      year: input.year,
      edition: input.edition,
      bandScheme: input.bandScheme,
      status: 'draft',
      settings: input.settings ?? {},
    });
    if (!row) throw new AppError('CONFLICT', `there is already a ${input.year} cycle`);
    await appendAudit(tx, {
      actor: actorOf(actor),
      action: 'cycle.create',
      subject: `cycle:${row.year}`,
      after: { edition: row.edition, bandScheme: row.bandScheme, status: row.status, settings: row.settings },
    });
    return row;
  });
}
