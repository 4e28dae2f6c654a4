/**
 * What a stored sample looks like to people and programs, and how its JSON columns
 * are read back. Objects are built field by field, so the JSON is the same whatever
 * order the database keeps jsonb keys in (PGlite and PostgreSQL alike).
 */
import { z } from 'zod';
import type { Candidate, SampleResult, SamplingRule } from '../../domain/sampling/draw.ts';
import { AppError } from '../../errors.ts';

const ruleSchema = z.object({
  unitKinds: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  productsPerUnit: z.number().int(),
  serviceUsersPerUnit: z.number().int(),
});

const candidatesSchema = z.array(z.object({ name: z.string(), kind: z.string(), products: z.array(z.string()) }));

const resultSchema = z.object({
  algorithm: z.string(),
  units: z.array(
    z.object({
      kind: z.string(),
      name: z.string(),
      products: z.array(z.string()),
      respondents: z.array(z.object({ slot: z.string(), product: z.string().nullable() })),
    }),
  ),
  shortfalls: z.array(
    z.object({ kind: z.string(), unit: z.string().nullable(), required: z.number(), available: z.number() }),
  ),
});

type Stored<T> = { ok: true; value: T } | { ok: false; problem: string };

function read<T>(schema: z.ZodType<T>, value: unknown, what: string): Stored<T> {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  return {
    ok: false,
    problem: `the stored ${what} is not readable (${issue?.path.join('.') ?? ''}: ${issue?.message})`,
  };
}

export const readRule = (v: unknown): Stored<SamplingRule> => read(ruleSchema, v, 'rule');
export const readCandidates = (v: unknown): Stored<Candidate[]> => read(candidatesSchema, v, 'candidate list');
export const readResult = (v: unknown): Stored<SampleResult> => read(resultSchema, v, 'result');

function must<T>(s: Stored<T>): T {
  if (s.ok) return s.value;
  throw new AppError('INTERNAL', s.problem);
}

export function presentRule(r: SamplingRule) {
  return {
    unitKinds: r.unitKinds.map((k) => ({ kind: k.kind, count: k.count })),
    productsPerUnit: r.productsPerUnit,
    serviceUsersPerUnit: r.serviceUsersPerUnit,
  };
}

export function presentResult(r: SampleResult) {
  return {
    units: r.units.map((u) => ({
      kind: u.kind,
      name: u.name,
      products: [...u.products],
      respondents: u.respondents.map((s) => ({ slot: s.slot, product: s.product })),
    })),
    shortfalls: r.shortfalls.map((s) => ({ kind: s.kind, unit: s.unit, required: s.required, available: s.available })),
  };
}

export interface EntityRef {
  code: string;
  name: string;
}

export interface SampleView {
  cycle: number;
  entity: EntityRef;
  seed: string;
  algorithm: string;
  rule: ReturnType<typeof presentRule>;
  units: ReturnType<typeof presentResult>['units'];
  shortfalls: ReturnType<typeof presentResult>['shortfalls'];
}

/** The sample as `patuh sample draw --json` prints it: only what the draw determines. */
export function presentSample(
  year: number,
  entity: EntityRef,
  s: { seed: string; algorithm: string; rule: unknown; result: unknown },
): SampleView {
  return {
    cycle: year,
    entity: { code: entity.code, name: entity.name },
    seed: s.seed,
    algorithm: s.algorithm,
    rule: presentRule(must(readRule(s.rule))),
    ...presentResult(must(readResult(s.result))),
  };
}

/** JSON with object keys sorted: compares stored and recomputed values regardless of key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
