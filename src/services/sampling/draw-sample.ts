/**
 * Draws an entity's sample for a cycle and stores it with its seed, rule and the
 * candidate list it was drawn from; the chosen units become units of the cycle (with
 * the kind the rule gives them) so that fieldwork and scoring see them.
 */
import { appendAudit } from '../../db/repos/audit.ts';
import { findSampleForUpdate, insertSample, listCandidates, replaceSample } from '../../db/repos/sampling.ts';
import { ensureUnits } from '../../db/repos/units.ts';
import { canonicalCandidates, canonicalKey, drawSample } from '../../domain/sampling/draw.ts';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import { type CycleRef, loadCycle } from '../cycles.ts';
import { loadResolver, resolveForCycleOrThrow } from '../registry/registry.ts';
import { presentSample, readResult, type SampleView } from './present.ts';
import { ensureSamplingOpen, samplingRuleOf } from './rule.ts';

export interface DrawRequest {
  /** the assessment: its year where unambiguous, or its code */
  year: CycleRef;
  /** entity name, alias or code */
  entity: string;
  seed: string;
  /** replace a stored sample instead of refusing */
  redraw?: boolean;
  /** who drew it, stored with the sample */
  by: string;
}

export interface Replaced {
  seed: string;
  algorithm: string;
  drawnBy: string;
  drawnAt: string;
  /** units of the earlier sample that this one does not contain; they stay units of the cycle */
  unitsNoLongerSampled: string[];
}

export interface DrawReport extends SampleView {
  /** the sample this draw replaced (only with redraw) */
  replaced: Replaced | null;
}

const MAX_SEED_LENGTH = 200;

function checkSeed(seed: string): void {
  if (seed === '')
    throw new AppError('VALIDATION_FAILED', 'the seed is empty: give one, e.g. --seed 2025-07-01-kendari');
  if (seed !== seed.trim()) throw new AppError('VALIDATION_FAILED', 'the seed must not begin or end with spaces');
  if (seed.length > MAX_SEED_LENGTH) {
    throw new AppError('VALIDATION_FAILED', `the seed is longer than ${MAX_SEED_LENGTH} characters`);
  }
}

export async function drawEntitySample(ctx: ServiceContext, req: DrawRequest): Promise<DrawReport> {
  checkSeed(req.seed);
  const cycle = await loadCycle(ctx, req.year);
  const year = cycle.year;
  const rule = samplingRuleOf(cycle);
  ensureSamplingOpen(cycle);
  const entity = resolveForCycleOrThrow(await loadResolver(ctx), req.entity, year);
  const ref = { code: entity.code, name: entity.name };

  return ctx.db.transaction().execute(async (tx) => {
    const existing = await findSampleForUpdate(tx, cycle.id, entity.id);
    if (existing && !req.redraw) {
      throw new AppError(
        'CONFLICT',
        `${entity.name} already has a ${year} sample (seed "${existing.seed}", drawn by ${existing.drawnBy} on ${existing.drawnAt.toISOString()}); give --redraw to replace it`,
      );
    }
    const rows = await listCandidates(tx, cycle.id, entity.id);
    if (rows.length === 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${entity.name} has no candidate units in ${year}: import them first (patuh sample candidates FILE --cycle ${year})`,
      );
    }
    const candidates = canonicalCandidates(rows.map((r) => ({ name: r.name, kind: r.kind, products: r.products })));
    const result = drawSample({ seed: req.seed, entityCode: entity.code, rule, candidates });
    const sample = {
      cycleId: cycle.id,
      entityId: entity.id,
      seed: req.seed,
      algorithm: result.algorithm,
      entityCode: entity.code,
      rule,
      candidates,
      result,
      drawnBy: req.by,
    };
    let replaced: Replaced | null = null;
    if (existing) {
      await replaceSample(tx, sample);
      const before = readResult(existing.result);
      const now = new Set(result.units.map((u) => canonicalKey(u.name)));
      replaced = {
        seed: existing.seed,
        algorithm: existing.algorithm,
        drawnBy: existing.drawnBy,
        drawnAt: existing.drawnAt.toISOString(),
        unitsNoLongerSampled: before.ok
          ? before.value.units.map((u) => u.name).filter((name) => !now.has(canonicalKey(name)))
          : [],
      };
    } else if (!(await insertSample(tx, sample))) {
      throw new AppError('CONFLICT', `${entity.name} was sampled for ${year} at the same moment by someone else`);
    }
    await ensureUnits(
      tx,
      cycle.id,
      result.units.map((u) => ({ entityId: entity.id, name: u.name, kind: u.kind })),
    );
    await appendAudit(tx, {
      actor: req.by,
      action: existing ? 'sample.redraw' : 'sample.draw',
      subject: `cycle:${cycle.code}`,
      ...(existing ? { before: { entity: entity.code, seed: existing.seed, algorithm: existing.algorithm } } : {}),
      after: {
        entity: entity.code,
        seed: req.seed,
        algorithm: result.algorithm,
        units: result.units.map((u) => u.name),
      },
    });
    return { ...presentSample(year, ref, sample), replaced };
  });
}
