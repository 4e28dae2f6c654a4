/**
 * Turning findings into follow-up items. An entity's findings are the indicators
 * that cost its score the most points (domain/report/card.ts selectFindings, the
 * same rule the report card prints), at most settings.followUpItems (default 10),
 * only those that cost something; each becomes an item with the instrument's text
 * and requirement. Generation is idempotent: an indicator that already has an item
 * keeps it (and its status); only missing ones are added. Entities known only by
 * an imported (published) score have no explanation, hence no items.
 *
 * It runs when a cycle is published (transition-cycle.ts, inside that transaction)
 * and on demand by staff for one entity of a published cycle.
 */
import { appendAudit } from '../../db/repos/audit.ts';
import {
  countItems,
  type FollowUpItemRow,
  insertMissingItems,
  type NewFollowUpItem,
} from '../../db/repos/follow-up.ts';
import { followUpLimit } from '../../domain/follow-up/follow-up.ts';
import { selectFindings } from '../../domain/report/card.ts';
import { AppError } from '../../errors.ts';
import { mayGenerateFollowUp } from '../auth/follow-up-policy.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { type LoadedCycle, requireInstrument } from '../cycles.ts';
import { loadResolver } from '../registry/registry.ts';
import { explainResults } from '../results/explain.ts';
import { cycleResults, type EntityResultView } from '../results/results.ts';
import { loadTarget } from './access.ts';

export interface GenerationReport {
  entities: number;
  created: number;
  /** entities whose result is an imported score: nothing to derive findings from */
  unexplained: number;
}

/** The items the findings of these results call for (nothing is written). */
async function plannedItems(
  ctx: ServiceContext,
  cycle: LoadedCycle,
  results: readonly EntityResultView[],
  idOf: ReadonlyMap<string, number>,
): Promise<{ items: NewFollowUpItem[]; unexplained: number }> {
  const instrument = requireInstrument(cycle);
  const limit = followUpLimit(cycle.settings);
  const items: NewFollowUpItem[] = [];
  let unexplained = 0;
  for (const x of await explainResults(ctx, cycle, results)) {
    const entityId = idOf.get(x.result.entity.code);
    if (!x.explanation || entityId === undefined) {
      unexplained++;
      continue;
    }
    selectFindings(instrument, x.explanation, limit).forEach((f, i) => {
      items.push({
        entityId,
        indicator: f.indicator,
        title: f.text,
        requirement: f.requirement,
        score: f.score,
        cost: f.cost,
        rank: i + 1,
      });
    });
  }
  return { items, unexplained };
}

/**
 * Adds the missing items of every entity with a result in the cycle. Run it inside
 * the caller's transaction (ctx.db a transaction): publishing does.
 */
export async function generateCycleFollowUp(
  ctx: ServiceContext,
  cycle: LoadedCycle,
  actor: Principal,
): Promise<GenerationReport> {
  if (!cycle.instrument) return { entities: 0, created: 0, unexplained: 0 };
  const { results } = await cycleResults(ctx, cycle.code);
  const idOf = new Map((await loadResolver(ctx)).all().map((e) => [e.code, e.id]));
  const { items, unexplained } = await plannedItems(ctx, cycle, results, idOf);
  const created = await insertMissingItems(ctx.db, cycle.id, items);
  if (created.length > 0) {
    await appendAudit(ctx.db, {
      actor: actorOf(actor),
      action: 'followup.generate',
      subject: `cycle:${cycle.year}`,
      after: { entities: new Set(created.map((c) => c.entityId)).size, items: created.length },
    });
  }
  return { entities: results.length, created: created.length, unexplained };
}

/**
 * Adds the missing items of one entity (its findings in a published cycle) inside
 * the caller's transaction; used on demand and after an accepted objection.
 * `explained` is false when the entity has no result explained from answers.
 */
export async function generateEntityFollowUpIn(
  ctx: ServiceContext,
  cycle: LoadedCycle,
  entity: { id: number; code: string },
  actor: Principal,
): Promise<{ created: FollowUpItemRow[]; explained: boolean }> {
  const { results } = await cycleResults(ctx, cycle.code, { entity: entity.code });
  const { items, unexplained } = await plannedItems(ctx, cycle, results, new Map([[entity.code, entity.id]]));
  const created = await insertMissingItems(ctx.db, cycle.id, items);
  if (created.length > 0) {
    await appendAudit(ctx.db, {
      actor: actorOf(actor),
      action: 'followup.generate',
      subject: `cycle:${cycle.year}`,
      after: { entity: entity.code, indicators: created.map((c) => c.indicator) },
    });
  }
  return { created, explained: results.length > 0 && unexplained === 0 };
}

export interface EntityGeneration {
  created: number;
  /** the entity's items after generation */
  items: number;
  /** false: the entity's result is an imported score (or it has none), so it has no findings */
  explained: boolean;
}

/** POST …/follow-up/generate: staff make (the missing) items of one entity of a published cycle. */
export async function generateFollowUp(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  code: string,
): Promise<EntityGeneration> {
  const { cycle, entity } = await loadTarget(ctx, p, year, code, mayGenerateFollowUp(p), 'generate follow-up items');
  requireInstrument(cycle);
  if (cycle.status !== 'published') {
    throw new AppError(
      'CONFLICT',
      `the ${year} cycle is ${cycle.status}: follow-up items are made from published results`,
    );
  }
  return ctx.db.transaction().execute(async (tx) => {
    const { created, explained } = await generateEntityFollowUpIn({ ...ctx, db: tx }, cycle, entity, p);
    return { created: created.length, items: await countItems(tx, cycle.id, entity.id), explained };
  });
}
