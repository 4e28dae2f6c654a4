/**
 * What the 2025 method adds to a result (issue 9, items 4–6): the parts of the score
 * (domain/scoring/compose.ts), public trust, the qualifier "Tanpa Maladministrasi"
 * (domain/supervision/qualifier.ts), the opinion (domain/scoring/opinion.ts) and the
 * award with its hold. Loaded once per cycle by computeResults; editions without parts
 * or a qualifier (2022–2024) get one implicit part and the band's opinion alone.
 */
import { type AwardHoldRow, listOpenHolds } from '../../db/repos/award-holds.ts';
import { listPublicTrust, type PublicTrustRow } from '../../db/repos/public-trust.ts';
import { listProducts, type ProductRow } from '../../db/repos/supervision-products.ts';
import type { LocalText } from '../../domain/instrument/schema.ts';
import { partsOf } from '../../domain/instrument/schema.ts';
import type { Banding } from '../../domain/scoring/bands.ts';
import { composeScore } from '../../domain/scoring/compose.ts';
import { opinionOf } from '../../domain/scoring/opinion.ts';
import { roundHalfUp } from '../../domain/scoring/rounding.ts';
import { decideQualifier, type ProductKind, referenceDateOf } from '../../domain/supervision/qualifier.ts';
import type { ServiceContext } from '../context.ts';
import type { LoadedCycle } from '../cycles.ts';

export interface PartView {
  code: string;
  name: LocalText;
  weight: number;
  /** rounded half up to two decimals; null when the part has no score yet */
  score: number | null;
}

export interface QualifierView {
  text: LocalText;
  granted: boolean;
  referenceDate: string;
  /** products due by the reference date */
  due: number;
  outstanding: Array<{ kind: ProductKind; number: string; dueOn: string; status: string }>;
}

export interface AwardView {
  /** the band is an award (certificate eligibility) */
  eligible: boolean;
  /** the report card and certificate are withheld until the Ombudsman's products are carried out */
  withheld: { reason: string; since: string } | null;
}

export interface MethodFields {
  score: number;
  complete: boolean;
  parts: PartView[];
  trust: { trustScore: number; perception: number | null; source: string } | null;
  qualifier: QualifierView | null;
  opinionText: LocalText;
  quality: LocalText | null;
  award: AwardView;
}

export interface MethodInputs {
  trust: Map<number, PublicTrustRow>;
  products: Map<number, ProductRow[]>;
  holds: AwardHoldRow[];
}

export async function loadMethodInputs(ctx: Pick<ServiceContext, 'db'>, cycle: LoadedCycle): Promise<MethodInputs> {
  const wantsTrust = cycle.instrument?.parts?.some((p) => p.from === 'trust') ?? false;
  const [trust, products, holds] = await Promise.all([
    wantsTrust ? listPublicTrust(ctx.db, cycle.id) : Promise.resolve([]),
    cycle.instrument?.qualifier ? listProducts(ctx.db) : Promise.resolve([]),
    listOpenHolds(ctx.db, cycle.id),
  ]);
  const byEntity = new Map<number, ProductRow[]>();
  for (const p of products) byEntity.set(p.entityId, [...(byEntity.get(p.entityId) ?? []), p]);
  return { trust: new Map(trust.map((t) => [t.entityId, t])), products: byEntity, holds };
}

export function holdView(h: AwardHoldRow | undefined): AwardView['withheld'] {
  return h ? { reason: h.reason, since: h.heldAt.toISOString() } : null;
}

/**
 * The entity's composed score, opinion and award. `dimensions` is its dimensions
 * score (the mean of its units); a published score stands as it is.
 */
export function methodFields(
  cycle: LoadedCycle,
  inputs: MethodInputs,
  r: { entityId: number; score: number; complete: boolean; source: 'published' | 'answers' },
  band: (score: number) => Banding,
): MethodFields {
  const instrument = cycle.instrument;
  const t = inputs.trust.get(r.entityId);
  const trust = t ? { trustScore: t.trustScore, perception: t.perception, source: t.source } : null;
  let score = r.score;
  let complete = r.complete;
  let parts: PartView[] = [];
  if (instrument?.parts && r.source === 'answers') {
    const c = composeScore(partsOf(instrument), { dimensions: r.score, trust: trust?.trustScore ?? null });
    score = c.score ?? r.score;
    complete = r.complete && c.complete;
    parts = c.parts.map((p) => ({
      code: p.code,
      name: p.name,
      weight: p.weight,
      score: p.score === null ? null : roundHalfUp(p.score, 2),
    }));
  }
  let qualifier: QualifierView | null = null;
  if (instrument?.qualifier) {
    const ref = referenceDateOf(cycle.year, instrument.qualifier.referenceDate, cycle.settings.referenceDate);
    const d = decideQualifier(inputs.products.get(r.entityId) ?? [], ref);
    qualifier = {
      text: instrument.qualifier.text,
      granted: d.granted,
      referenceDate: d.referenceDate,
      due: d.due,
      outstanding: d.outstanding.map((p) => ({ kind: p.kind, number: p.number, dueOn: p.dueOn, status: p.status })),
    };
  }
  const b = band(score);
  const opinion = opinionOf(b, qualifier);
  const hold = inputs.holds.find((h) => h.entityId === r.entityId && h.unitId === null);
  return {
    score,
    complete,
    parts,
    trust,
    qualifier,
    opinionText: opinion.text,
    quality: opinion.quality,
    award: { eligible: opinion.award, withheld: holdView(hold) },
  };
}
