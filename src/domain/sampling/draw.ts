/**
 * The sample of one entity in a cycle (METHODOLOGY.md "The cycle", step 2): which
 * service units are visited, which two products of each are observed, and the
 * service-user respondent slots. Seeded and reproducible: the same seed, entity,
 * rule and candidate list give the same sample on any machine, in any input order.
 * docs/sampling.md describes the algorithm step by step; change nothing here without
 * a new SAMPLING_ALGORITHM, or stored samples stop verifying.
 */
import { chooseK, createStream } from './stream.ts';

/** Names the algorithm below; stored with every sample and checked by `patuh sample verify`. */
export const SAMPLING_ALGORITHM = 'patuh-sampling-1';

export interface SamplingRule {
  /** how many units of each kind are drawn, in the order the result lists them */
  unitKinds: ReadonlyArray<{ kind: string; count: number }>;
  productsPerUnit: number;
  serviceUsersPerUnit: number;
}

export interface Candidate {
  name: string;
  kind: string;
  /** the unit's service products */
  products: readonly string[];
}

export interface SampleInput {
  seed: string;
  /** the entity's registry code ("32.75"); part of every hashed string */
  entityCode: string;
  rule: SamplingRule;
  candidates: readonly Candidate[];
}

export interface RespondentSlot {
  /** U1 … UN, the label a service-user interview is filed under */
  slot: string;
  /** the drawn product the respondent is a user of; null when the unit lists none */
  product: string | null;
}

export interface SampledUnit {
  /** the kind as the rule spells it */
  kind: string;
  name: string;
  products: string[];
  respondents: RespondentSlot[];
}

/** Fewer candidates than the rule asks for: everything there is was taken. */
export interface Shortfall {
  kind: string;
  /** null: too few units of the kind; a unit's name: too few products of that unit */
  unit: string | null;
  required: number;
  available: number;
}

export interface SampleResult {
  algorithm: string;
  units: SampledUnit[];
  shortfalls: Shortfall[];
}

/** How names are compared: Unicode NFC, spacing collapsed, lower case. */
export function canonicalKey(name: string): string {
  return tidy(name).toLowerCase();
}

function tidy(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Orders strings by UTF-16 code units: the same on every platform and locale. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The candidate list in canonical form: names tidied, products tidied and sorted by
 * key, units sorted by key. Stored as the snapshot of a draw and compared to detect
 * changed candidates. Throws on a repeated unit or product (imports reject those).
 */
export function canonicalCandidates(candidates: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>();
  const out = candidates.map((c) => {
    const key = canonicalKey(c.name);
    if (key === '') throw new Error('a candidate unit has an empty name');
    if (seen.has(key)) throw new Error(`candidate unit "${c.name}" is listed twice`);
    seen.add(key);
    const productKeys = new Set<string>();
    const products = c.products.map(tidy).sort((a, b) => byCodeUnits(a.toLowerCase(), b.toLowerCase()));
    for (const p of products) {
      const pk = p.toLowerCase();
      if (pk === '') throw new Error(`candidate unit "${c.name}" has an empty product name`);
      if (productKeys.has(pk)) throw new Error(`candidate unit "${c.name}" lists product "${p}" twice`);
      productKeys.add(pk);
    }
    return { name: tidy(c.name), kind: tidy(c.kind), products };
  });
  return out.sort((a, b) => byCodeUnits(canonicalKey(a.name), canonicalKey(b.name)));
}

/** Whether two candidate lists are the same once canonical (order and spacing do not count). */
export function sameCandidates(a: readonly Candidate[], b: readonly Candidate[]): boolean {
  return JSON.stringify(canonicalCandidates(a)) === JSON.stringify(canonicalCandidates(b));
}

function checkRule(rule: SamplingRule): void {
  const kinds = new Set<string>();
  for (const k of rule.unitKinds) {
    const key = canonicalKey(k.kind);
    if (key === '' || kinds.has(key)) throw new Error(`the sampling rule lists the kind "${k.kind}" twice or empty`);
    kinds.add(key);
    if (!Number.isInteger(k.count) || k.count < 1)
      throw new Error(`the count for "${k.kind}" must be a whole number ≥ 1`);
  }
  for (const [name, n] of [
    ['productsPerUnit', rule.productsPerUnit],
    ['serviceUsersPerUnit', rule.serviceUsersPerUnit],
  ] as const) {
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0`);
  }
}

/**
 * Draws the sample. For each kind of the rule, in the rule's order: the candidates of
 * that kind (matched by key) in canonical order; if there are no more than the rule
 * asks for, all of them (a shortfall when fewer), otherwise `count` of them chosen
 * from the stream `units:<kind key>`. For each chosen unit, its products the same way
 * from the stream `products:<unit key>`. Then N service-user slots U1…UN per unit,
 * slot i using product (i − 1) mod (number of products drawn).
 * Candidates of kinds the rule does not name are not drawn.
 */
export function drawSample(input: SampleInput): SampleResult {
  if (input.seed === '') throw new Error('the seed is empty');
  checkRule(input.rule);
  const candidates = canonicalCandidates(input.candidates);
  const units: SampledUnit[] = [];
  const shortfalls: Shortfall[] = [];
  for (const { kind, count } of input.rule.unitKinds) {
    const kindKey = canonicalKey(kind);
    const ofKind = candidates.filter((c) => canonicalKey(c.kind) === kindKey);
    let chosen: Candidate[];
    if (ofKind.length <= count) {
      chosen = ofKind;
      if (ofKind.length < count) shortfalls.push({ kind, unit: null, required: count, available: ofKind.length });
    } else {
      chosen = chooseK(createStream(input.seed, input.entityCode, `units:${kindKey}`), ofKind, count);
    }
    for (const unit of chosen) {
      const need = input.rule.productsPerUnit;
      let products: string[];
      if (unit.products.length <= need) {
        products = unit.products.slice();
        if (unit.products.length < need) {
          shortfalls.push({ kind, unit: unit.name, required: need, available: unit.products.length });
        }
      } else {
        const stream = createStream(input.seed, input.entityCode, `products:${canonicalKey(unit.name)}`);
        products = chooseK(stream, unit.products, need);
      }
      const respondents: RespondentSlot[] = [];
      for (let i = 1; i <= input.rule.serviceUsersPerUnit; i++) {
        respondents.push({
          slot: `U${i}`,
          product: products.length > 0 ? (products[(i - 1) % products.length] as string) : null,
        });
      }
      units.push({ kind, name: unit.name, products, respondents });
    }
  }
  return { algorithm: SAMPLING_ALGORITHM, units, shortfalls };
}
