import { appendAudit } from '../../db/repos/audit.ts';
import { type CycleRow, findCycleByCode, insertCycle, type Track } from '../../db/repos/cycles.ts';
import { LEVELS } from '../../domain/instrument/schema.ts';
import { AppError } from '../../errors.ts';
import { canManageCycles, ensure } from '../auth/policy.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { freezeEdition } from '../frozen-editions.ts';

export interface NewCycleInput {
  year: number;
  /** an instrument edition in instruments/editions */
  edition: string;
  /** a band scheme in instruments/bands */
  bandScheme: string;
  settings?: CycleRow['settings'];
  /** the assessment's unique code (default: the year) */
  code?: string;
  /** official (default) or self */
  track?: Track;
  /** the levels of entity it covers (default: all) */
  levels?: string[];
  /** a self-assessment's official assessment (its code), whose units it shares */
  parent?: string;
}

const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Creates an assessment in draft from an installed instrument edition and band scheme
 * (ADR 0012); the edition is frozen in the database in the same transaction.
 */
export async function createCycle(ctx: ServiceContext, actor: Principal, input: NewCycleInput): Promise<CycleRow> {
  ensure(actor, canManageCycles(actor), 'create cycles');
  const problems: string[] = [];
  const code = input.code ?? String(input.year);
  const track = input.track ?? 'official';
  const levels = input.levels ?? [...LEVELS];
  if (!CODE.test(code))
    problems.push(`the code "${code}" must be lower-case letters, digits and hyphens (e.g. 2026-pemda)`);
  if (/^\d+$/.test(code) && code !== String(input.year))
    problems.push(`a code made of digits must be the year (${input.year}); use e.g. ${input.year}-pemda`);
  const unknownLevels = levels.filter((l) => !(LEVELS as readonly string[]).includes(l));
  if (levels.length === 0 || unknownLevels.length > 0)
    problems.push(
      `levels must be some of ${LEVELS.join(', ')}${unknownLevels.length ? `; unknown: ${unknownLevels.join(', ')}` : ''}`,
    );
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
  let parentId: number | null = null;
  if (track === 'self') {
    const parent = input.parent ? await findCycleByCode(ctx.db, input.parent) : undefined;
    if (!input.parent) problems.push('a self-assessment names its official assessment (--parent CODE)');
    else if (!parent) problems.push(`there is no assessment "${input.parent}" to be the parent`);
    else if (parent.track !== 'official') problems.push(`the parent ${parent.code} is not an official assessment`);
    else if (parent.year !== input.year)
      problems.push(`the parent ${parent.code} is of ${parent.year}, not ${input.year}`);
    else parentId = parent.id;
  } else if (input.parent) problems.push('only a self-assessment has a parent (--track self)');
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.join('; '), { problems });
  return ctx.db.transaction().execute(async (tx) => {
    const row = await insertCycle(tx, {
      year: input.year,
      code,
      track,
      levels,
      parentId,
      edition: input.edition,
      bandScheme: input.bandScheme,
      status: 'draft',
      settings: input.settings ?? {},
    });
    if (!row) throw new AppError('CONFLICT', `there is already an assessment ${code}`);
    await freezeEdition({ ...ctx, db: tx }, input.edition);
    await appendAudit(tx, {
      actor: actorOf(actor),
      action: 'cycle.create',
      subject: `cycle:${row.code}`,
      after: {
        year: row.year,
        code: row.code,
        track: row.track,
        levels: row.levels,
        parentId: row.parentId,
        edition: row.edition,
        bandScheme: row.bandScheme,
        status: row.status,
        settings: row.settings,
      },
    });
    return row;
  });
}
