/**
 * The effort of raising an indicator one level: instrument data (instruments/efforts/EDITION.json,
 * every figure marked inferred: the sources give none), per variable or per indicator, with a
 * default, and the entity's own override per indicator. Costs are positive whole numbers so the
 * planner's search is exact.
 */
import { z } from 'zod';
import type { Instrument } from '../instrument/schema.ts';

export const EFFORT_KINDS = ['document', 'training', 'facility', 'procedure'] as const;
export type EffortKind = (typeof EFFORT_KINDS)[number];

const effortSchema = z.object({ kind: z.enum(EFFORT_KINDS), cost: z.number().int().positive() }).strict();
export type Effort = z.infer<typeof effortSchema>;

export const effortTableSchema = z
  .object({
    edition: z.string().min(1),
    inferred: z.boolean(),
    source: z.string().min(1),
    default: effortSchema,
    byVariable: z.record(z.string(), effortSchema).optional(),
    byIndicator: z.record(z.string(), effortSchema).optional(),
  })
  .strict();
export type EffortTable = z.infer<typeof effortTableSchema>;

export const effortOverridesSchema = z.record(z.string(), effortSchema);
export type EffortOverrides = Readonly<Record<string, Effort>>;

/** Checks an effort table against its edition: every code it names exists there. */
export function parseEffortTable(input: unknown, instrument: Instrument): EffortTable {
  const table = effortTableSchema.parse(input);
  if (table.edition !== instrument.edition)
    throw new RangeError(`effort table is for ${table.edition}, not ${instrument.edition}`);
  const variables = new Set(instrument.dimensions.flatMap((d) => d.variables.map((v) => v.code)));
  const indicators = new Set(
    instrument.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => i.code))),
  );
  for (const code of Object.keys(table.byVariable ?? {}))
    if (!variables.has(code)) throw new RangeError(`effort table names unknown variable ${code}`);
  for (const code of Object.keys(table.byIndicator ?? {}))
    if (!indicators.has(code)) throw new RangeError(`effort table names unknown indicator ${code}`);
  return table;
}

/** The effort of one indicator: the entity's override, else the indicator's, its variable's, the default. */
export function effortOf(
  table: Pick<EffortTable, 'default' | 'byVariable' | 'byIndicator'>,
  instrument: Instrument,
  code: string,
  overrides?: EffortOverrides,
): Effort & { source: 'entity' | 'instrument' } {
  const own = overrides?.[code];
  if (own) return { ...own, source: 'entity' };
  const direct = table.byIndicator?.[code];
  if (direct) return { ...direct, source: 'instrument' };
  for (const d of instrument.dimensions)
    for (const v of d.variables)
      if (v.indicators.some((i) => i.code === code)) {
        const byVar = table.byVariable?.[v.code];
        if (byVar) return { ...byVar, source: 'instrument' };
      }
  return { ...table.default, source: 'instrument' };
}
