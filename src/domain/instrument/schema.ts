/**
 * The shape of an instrument edition and a band scheme as stored in `instruments/`.
 * Pure: parsing and cross-checks only, no file access. The loader (services) reads
 * the files and reports problems with the file name and the path given here.
 */
import { z } from 'zod';

export const LEVELS = ['provinsi', 'kabupaten', 'kota', 'kementerian', 'lembaga'] as const;
export type Level = (typeof LEVELS)[number];

export const METHODS = [
  'observation',
  'official_interview',
  'complaint_officer_interview',
  'service_user_interview',
  'document_check',
] as const;
export type Method = (typeof METHODS)[number];

/** Methods whose answers come from people: each answer names its respondent. */
export const INTERVIEW_METHODS: ReadonlySet<Method> = new Set([
  'official_interview',
  'complaint_officer_interview',
  'service_user_interview',
]);

const text = z.object({ id: z.string().min(1), en: z.string().min(1) }).strict();
export type LocalText = z.infer<typeof text>;

const code = z.string().regex(/^[A-Z][A-Z0-9]*$/, 'codes are upper-case letters and digits');

/** A figure the sources do not give: shipped as the default, marked, with where it comes from. */
const mark = {
  inferred: z.literal(true).optional(),
  source: z.string().min(1).optional(),
};

const scaleLevel = z.object({ value: z.number().int(), id: z.string().min(1), en: z.string().min(1) }).strict();

const indicatorSchema = z
  .object({
    code: z.string().regex(/^[A-Z]+\.[A-Z]+\.\d{2}$/, 'indicator codes look like IN.KOM.01'),
    text: text,
    method: z.enum(METHODS),
    /** how many respondents answer it per unit; "cycle" = the cycle's service-user setting */
    respondents: z.union([z.number().int().positive(), z.literal('cycle')]),
    evidence: z.enum(['none', 'photo', 'document']),
    /** the levels of entity this indicator applies to; absent = all */
    appliesTo: z.array(z.enum(LEVELS)).min(1).optional(),
    /** what the service standard requires, cited in report-card findings */
    requirement: text,
    /** the answer scale, 0..max in order (0..3 in the editions so far); the max comes from here, never from code */
    scale: z.array(scaleLevel).min(2).max(101),
  })
  .strict();

const variableSchema = z
  .object({
    code,
    name: text,
    weight: z.number().positive(),
    ...mark,
    indicators: z.array(indicatorSchema).min(1),
  })
  .strict();

const dimensionSchema = z
  .object({
    code,
    name: text,
    weight: z.number().positive(),
    ...mark,
    variables: z.array(variableSchema).min(1),
  })
  .strict();

/** What a part of the score is made of: the dimensions (from answers) or the imported public trust score. */
export const PART_SOURCES = ['dimensions', 'trust'] as const;
export type PartSource = (typeof PART_SOURCES)[number];

const partSchema = z
  .object({ code, name: text, weight: z.number().positive(), from: z.enum(PART_SOURCES), ...mark })
  .strict();

/** How a parent body's score is made of its units, headquarters and vertical offices (domain/scoring/rollup.ts). */
export const ROLLUP_RULES = ['mean_over_units', 'mean_of_groups'] as const;
export type RollupRule = (typeof ROLLUP_RULES)[number];

const verticalOfficesSchema = z
  .object({
    /** unit kinds assessed in each province by its regional office, and the body they belong to */
    kinds: z
      .array(
        z
          .object({
            kind: z.string().min(1),
            name: text,
            parent: z.string().regex(/^[A-Z0-9-]+$/),
            since: z.number().int(),
          })
          .strict(),
      )
      .min(1),
    rollup: z.object({ rule: z.enum(ROLLUP_RULES), ...mark }).strict(),
  })
  .strict();

const qualifierSchema = z
  .object({
    /** the words added to the opinion, e.g. "Tanpa Maladministrasi" */
    text: text,
    /** the day of the assessment's year by which due products count, unless the cycle sets referenceDate */
    referenceDate: z
      .object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31), ...mark })
      .strict(),
    ...mark,
  })
  .strict();

const scopeSchema = z
  .object({
    /** how many bodies of each level the sample held */
    sampledBodies: z.record(z.enum(LEVELS), z.number().int().nonnegative()),
    services: z.array(text).min(1),
    ...mark,
  })
  .strict();

export const instrumentSchema = z
  .object({
    edition: z.string().regex(/^[a-z0-9-]+$/),
    name: text,
    year: z.number().int(),
    /** default for the cycle setting "service users interviewed per unit" */
    serviceUsersPerUnit: z.number().int().positive(),
    /** the unit sampling rule a cycle of this edition starts from (issue 4) */
    sampling: z
      .object({
        productsPerUnit: z.number().int().positive(),
        unitKinds: z.array(z.object({ kind: z.string().min(1), count: z.number().int().positive() }).strict()),
      })
      .strict(),
    /** the parts the score is composed of; absent = one implicit part, the dimensions (2022–2024) */
    parts: z.array(partSchema).min(1).optional(),
    scope: scopeSchema.optional(),
    verticalOffices: verticalOfficesSchema.optional(),
    qualifier: qualifierSchema.optional(),
    dimensions: z.array(dimensionSchema).min(1),
  })
  .strict();

export type Instrument = z.infer<typeof instrumentSchema>;
export type Dimension = Instrument['dimensions'][number];
export type Variable = Dimension['variables'][number];
export type Indicator = Variable['indicators'][number];
export type Part = NonNullable<Instrument['parts']>[number];
export type VerticalOffices = NonNullable<Instrument['verticalOffices']>;
export type Qualifier = NonNullable<Instrument['qualifier']>;

/** The parts of an edition's score: its own, or the single implicit part of the 2022–2024 editions. */
export function partsOf(instrument: Pick<Instrument, 'parts'>): Part[] {
  return (
    instrument.parts ?? [
      { code: 'DIMENSI', name: { id: 'Dimensi', en: 'Dimensions' }, weight: 100, from: 'dimensions' },
    ]
  );
}

const bandSchema = z
  .object({
    /** lowest score (rounded to two decimals) that falls in this band */
    min: z.number().min(0).max(100),
    category: z.string().min(1).nullable(),
    opinion: text,
    /** null in schemes without zones (from 2025) */
    zone: z.enum(['hijau', 'kuning', 'merah']).nullable(),
    /** the quality word printed with the opinion from 2025 ("Baik", "Cukup", "Kurang") */
    quality: text.optional(),
    /** whether this band is an award (certificate); absent = the green zone is (2021–2024) */
    award: z.boolean().optional(),
    ...mark,
  })
  .strict();

export const bandSchemeSchema = z
  .object({
    scheme: z.string().regex(/^[a-z0-9-]+$/),
    name: text,
    bands: z.array(bandSchema).min(1),
  })
  .strict();

export type BandScheme = z.infer<typeof bandSchemeSchema>;
export type Band = BandScheme['bands'][number];
export type Zone = NonNullable<Band['zone']>;

export interface SchemaProblem {
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: SchemaProblem[] };

function pathOf(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Parse and cross-check an instrument edition: codes unique, prefixes consistent, each scale 0..max in order. */
export function parseInstrument(input: unknown): Parsed<Instrument> {
  const parsed = instrumentSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })),
    };
  }
  const inst = parsed.data;
  const problems: SchemaProblem[] = [];
  const seen = new Map<string, string>();
  const claim = (c: string, path: string) => {
    const before = seen.get(c);
    if (before) problems.push({ path, message: `code ${c} is already used at ${before}` });
    else seen.set(c, path);
  };
  inst.dimensions.forEach((d, di) => {
    const dp = `dimensions[${di}]`;
    claim(d.code, `${dp}.code`);
    d.variables.forEach((v, vi) => {
      const vp = `${dp}.variables[${vi}]`;
      claim(`${d.code}.${v.code}`, `${vp}.code`);
      v.indicators.forEach((ind, ii) => {
        const ip = `${vp}.indicators[${ii}]`;
        claim(ind.code, `${ip}.code`);
        if (!ind.code.startsWith(`${d.code}.${v.code}.`)) {
          problems.push({
            path: `${ip}.code`,
            message: `indicator ${ind.code} must start with ${d.code}.${v.code}. (its dimension and variable)`,
          });
        }
        const values = ind.scale.map((s) => s.value);
        if (values.some((v, k) => v !== k)) {
          problems.push({
            path: `${ip}.scale`,
            message: `scale must describe the values 0,1,…,${values.length - 1} in order, got ${values.join(',')}`,
          });
        }
        if (ind.respondents === 'cycle' && ind.method !== 'service_user_interview') {
          problems.push({
            path: `${ip}.respondents`,
            message: '"cycle" respondents are only for service-user interviews',
          });
        }
      });
    });
  });
  const parts = inst.parts ?? [];
  parts.forEach((p, pi) => {
    claim(`part ${p.code}`, `parts[${pi}].code`);
  });
  if (parts.length > 0 && parts.filter((p) => p.from === 'dimensions').length !== 1) {
    problems.push({ path: 'parts', message: 'exactly one part is made of the dimensions (from: "dimensions")' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: inst };
}

/** Parse and cross-check a band scheme: bands strictly descending, the last starting at 0. */
export function parseBandScheme(input: unknown): Parsed<BandScheme> {
  const parsed = bandSchemeSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })),
    };
  }
  const scheme = parsed.data;
  const problems: SchemaProblem[] = [];
  scheme.bands.forEach((b, i) => {
    const prev = scheme.bands[i - 1];
    if (prev && !(b.min < prev.min)) {
      problems.push({ path: `bands[${i}].min`, message: 'bands must be listed from the highest minimum down' });
    }
    if (Math.round(b.min * 100) !== b.min * 100) {
      problems.push({ path: `bands[${i}].min`, message: 'a band minimum has at most two decimals' });
    }
  });
  const last = scheme.bands[scheme.bands.length - 1];
  if (last && last.min !== 0) {
    problems.push({ path: `bands[${scheme.bands.length - 1}].min`, message: 'the lowest band must start at 0' });
  }
  const withZone = scheme.bands.filter((b) => b.zone !== null).length;
  if (withZone !== 0 && withZone !== scheme.bands.length) {
    problems.push({ path: 'bands', message: 'either every band has a zone or none has' });
  }
  const withCategory = scheme.bands.filter((b) => b.category !== null).length;
  if (withCategory !== 0 && withCategory !== scheme.bands.length) {
    problems.push({ path: 'bands', message: 'either every band has a category or none has' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: scheme };
}
