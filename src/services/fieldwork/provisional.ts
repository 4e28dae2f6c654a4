/**
 * Provisional results (issue 4, item 5): what an entity would score from the
 * fieldwork collected so far — the current version of every sheet that is
 * submitted, verified or validated (not the returned ones) — through the same
 * engine as the final results (tallyAnswers → scoreUnit → scoreEntity). Staff only,
 * always marked provisional; the final result counts validated sheets only.
 */

import { currentItemsOfEntity } from '../../db/repos/submissions.ts';
import { listUnits } from '../../db/repos/units.ts';
import type { SubmissionStatus } from '../../domain/fieldwork/submission.ts';
import type { LocalText, Zone } from '../../domain/instrument/schema.ts';
import { bandFor } from '../../domain/scoring/bands.ts';
import { roundHalfUp } from '../../domain/scoring/rounding.ts';
import { scoreEntity, scoreUnit, tallyAnswers } from '../../domain/scoring/score.ts';
import { AppError } from '../../errors.ts';
import { canSeeFieldwork, ensure, requireSignedIn } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { requireInstrument } from '../cycles.ts';
import { loadVisibleCycle } from '../lifecycle/visible-cycles.ts';
import { loadEntityInScope } from '../results/entity-access.ts';
import { cycleResults } from '../results/results.ts';

const COUNTED: SubmissionStatus[] = ['submitted', 'verified', 'validated'];

type Counts = Record<SubmissionStatus, number>;
const zero = (): Counts => ({ submitted: 0, verified: 0, validated: 0, returned: 0 });

export interface ProvisionalResult {
  provisional: true;
  year: number;
  entity: { code: string; name: string; level: string };
  /** rounded half up to two decimals; null while no unit has a score */
  score: number | null;
  exactScore: number | null;
  category: string | null;
  opinion: LocalText | null;
  zone: Zone | null;
  complete: boolean;
  units: Array<{
    id: number;
    name: string;
    kind: string | null;
    score: number | null;
    complete: boolean;
    completeness: { required: number; answered: number };
    sheets: Counts;
  }>;
  /** the sheets of the entity by status (returned ones are not scored) */
  sheets: Counts;
  /** the result that counts (validated answers, or a published score), for comparison */
  final: { score: number; complete: boolean; source: 'published' | 'answers' } | null;
}

export async function provisionalResult(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  code: string,
): Promise<ProvisionalResult> {
  requireSignedIn(p, 'see provisional results');
  ensure(p, canSeeFieldwork(p), 'see provisional results (staff only)');
  const cycle = await loadVisibleCycle(ctx, p, year);
  const entity = await loadEntityInScope(
    ctx,
    p,
    code,
    new AppError('UNKNOWN_ENTITY', `there is no entity with the code "${code}"`),
    cycle.id,
  );
  const instrument = requireInstrument(cycle);
  const units = await listUnits(ctx.db, cycle.id, [entity.id]);
  const sheets = await currentItemsOfEntity(ctx.db, cycle.id, entity.id, [...COUNTED, 'returned']);
  const total = zero();
  const perUnit = new Map<number, { items: Array<{ indicator: string; value: number | null }>; counts: Counts }>();
  for (const s of sheets) {
    total[s.status] += 1;
    const u = perUnit.get(s.unitId) ?? { items: [], counts: zero() };
    u.counts[s.status] += 1;
    if (COUNTED.includes(s.status)) for (const i of s.items) u.items.push(i);
    perUnit.set(s.unitId, u);
  }
  const scored = units.map((u) => {
    const data = perUnit.get(u.id);
    const r = scoreUnit(instrument, entity.level, tallyAnswers(data?.items ?? []));
    return {
      id: u.id,
      name: u.name,
      kind: u.kind,
      score: r.score === null ? null : roundHalfUp(r.score, 2),
      complete: r.complete,
      completeness: r.completeness,
      sheets: data?.counts ?? zero(),
      exact: r.score,
    };
  });
  const e = scoreEntity(scored.map((u) => ({ score: u.exact, complete: u.complete })));
  const band = e.score === null ? null : bandFor(cycle.bands, e.score);
  const final = (await cycleResults(ctx, year, { entity: entity.code })).results[0];
  return {
    provisional: true,
    year,
    entity: { code: entity.code, name: entity.name, level: entity.level },
    score: band?.rounded ?? null,
    exactScore: e.score,
    category: band?.category ?? null,
    opinion: band?.opinion ?? null,
    zone: band?.zone ?? null,
    complete: e.complete,
    units: scored.map(({ exact: _, ...u }) => u),
    sheets: total,
    final: final ? { score: final.score, complete: final.complete, source: final.source } : null,
  };
}
