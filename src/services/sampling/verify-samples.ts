/**
 * Draws every stored sample of a cycle again from its stored seed, entity code,
 * rule and candidate snapshot, and reports the samples whose stored result differs
 * from the redraw. Separately, and not as a failure, it reports entities whose
 * candidate list or sampling rule has changed since their draw.
 */
import { findEntityById } from '../../db/repos/entities.ts';
import { type CandidateRow, listCycleCandidates, listSamples, type SampleRow } from '../../db/repos/sampling.ts';
import {
  type Candidate,
  drawSample,
  SAMPLING_ALGORITHM,
  type SampleInput,
  type SampleResult,
  sameCandidates,
} from '../../domain/sampling/draw.ts';
import type { ServiceContext } from '../context.ts';
import { type CycleRef, loadCycle } from '../cycles.ts';
import { loadResolver } from '../registry/registry.ts';
import { canonicalJson, type EntityRef, readCandidates, readResult, readRule } from './present.ts';
import { samplingRuleOf } from './rule.ts';

/** The algorithms this version can redo, by the name stored with a sample. */
const ALGORITHMS: ReadonlyMap<string, (input: SampleInput) => SampleResult> = new Map([
  [SAMPLING_ALGORITHM, drawSample],
]);

export interface VerifyReport {
  cycle: number;
  checked: number;
  matching: number;
  /** stored result ≠ redraw: the sample (or what it was drawn from) was changed after the draw */
  differing: Array<{ entity: EntityRef; reason: string }>;
  /** the entity's candidate list is not the one the sample was drawn from */
  candidatesChanged: EntityRef[];
  /** the cycle's sampling rule is not the one the sample was drawn with */
  ruleChanged: EntityRef[];
  ok: boolean;
}

/** Why the stored sample does not match its redraw, or null when it does. */
function mismatch(s: SampleRow): string | null {
  const draw = ALGORITHMS.get(s.algorithm);
  if (!draw)
    return `drawn with algorithm "${s.algorithm}", which this version cannot redo (it knows ${[...ALGORITHMS.keys()].join(', ')})`;
  const rule = readRule(s.rule);
  if (!rule.ok) return rule.problem;
  const candidates = readCandidates(s.candidates);
  if (!candidates.ok) return candidates.problem;
  let redrawn: SampleResult;
  try {
    redrawn = draw({ seed: s.seed, entityCode: s.entityCode, rule: rule.value, candidates: candidates.value });
  } catch (e) {
    return `the stored inputs cannot be drawn again: ${(e as Error).message}`;
  }
  if (canonicalJson(redrawn) === canonicalJson(s.result)) return null;
  const stored = readResult(s.result);
  if (!stored.ok) return stored.problem;
  const names = (r: SampleResult) => r.units.map((u) => u.name).join(', ');
  if (names(stored.value) !== names(redrawn)) {
    return `stored units [${names(stored.value)}], drawn again [${names(redrawn)}]`;
  }
  for (const [i, u] of redrawn.units.entries()) {
    const before = stored.value.units[i];
    if (before && before.products.join(', ') !== u.products.join(', ')) {
      return `${u.name}: stored products [${before.products.join(', ')}], drawn again [${u.products.join(', ')}]`;
    }
  }
  return 'the stored result differs from the redraw (respondent slots, shortfalls or other fields)';
}

function candidatesDiffer(stored: unknown, current: readonly CandidateRow[]): boolean {
  const snapshot = readCandidates(stored);
  if (!snapshot.ok) return true;
  const now: Candidate[] = current.map((c) => ({ name: c.name, kind: c.kind, products: c.products }));
  try {
    return !sameCandidates(snapshot.value, now);
  } catch {
    return true;
  }
}

export async function verifySamples(ctx: ServiceContext, ref: CycleRef): Promise<VerifyReport> {
  const cycle = await loadCycle(ctx, ref);
  const year = cycle.year;
  const samples = await listSamples(ctx.db, cycle.id);
  const current = await listCycleCandidates(ctx.db, cycle.id);
  const resolver = await loadResolver(ctx);
  const currentRule = cycle.instrument ? canonicalJson(samplingRuleOf(cycle)) : null;
  const report: VerifyReport = {
    cycle: year,
    checked: samples.length,
    matching: 0,
    differing: [],
    candidatesChanged: [],
    ruleChanged: [],
    ok: true,
  };
  for (const s of samples) {
    const e = resolver.byId(s.entityId) ?? (await findEntityById(ctx.db, s.entityId));
    const entity: EntityRef = { code: e?.code ?? s.entityCode, name: e?.name ?? `entity ${s.entityId}` };
    const reason = mismatch(s);
    if (reason === null) report.matching += 1;
    else report.differing.push({ entity, reason });
    if (candidatesDiffer(s.candidates, current.get(s.entityId) ?? [])) report.candidatesChanged.push(entity);
    if (currentRule !== null && canonicalJson(s.rule) !== currentRule) report.ruleChanged.push(entity);
  }
  report.ok = report.differing.length === 0;
  return report;
}
