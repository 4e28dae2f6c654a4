/**
 * The shapes the web app reads from /api/v1, checked at the boundary. Objects are
 * not strict: the server may add fields without breaking the app.
 */
import { CYCLE_STATUSES, LEVELS, ROLES, ZONES } from '@shared/api-schemas.ts';
import { z } from 'zod';

export type {
  CreateCycleBody,
  CreateUnitBody,
  CreateUserBody,
  CycleStatus,
  Level,
  Role,
  UpdateUnitBody,
  UpdateUserBody,
  Zone,
} from '@shared/api-schemas.ts';
export { CYCLE_STATUSES, LEVELS, MAX_PAGE_SIZE, ROLES, ZONES } from '@shared/api-schemas.ts';

const localText = z.object({ id: z.string(), en: z.string() });
export type LocalText = z.infer<typeof localText>;

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const cycleSchema = z.object({
  id: z.number().optional(),
  year: z.number(),
  edition: z.string().nullable(),
  bandScheme: z.string(),
  status: z.enum(CYCLE_STATUSES),
  settings: z.record(z.string(), z.unknown()).optional(),
  instrument: z.object({ edition: z.string(), name: localText }).nullable().optional(),
  /** the statuses this user may move the cycle to (absent: the server decides on submit) */
  transitions: z.array(z.enum(CYCLE_STATUSES)).optional(),
});
export type Cycle = z.infer<typeof cycleSchema>;

const dimensionScore = z.object({ code: z.string(), score: z.number().nullable() });

export const unitResultSchema = z.object({
  /** present once the backend exposes unit ids (needed for the unit page) */
  id: z.number().optional(),
  name: z.string(),
  score: z.number().nullable(),
  complete: z.boolean(),
  dimensions: z.array(dimensionScore),
});
export type UnitResult = z.infer<typeof unitResultSchema>;

export const entityRefSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(LEVELS),
  province: z.string().nullable(),
  provinceCode: z.string().nullable(),
});

export const resultSchema = z.object({
  entity: entityRefSchema,
  score: z.number(),
  category: z.string().nullable(),
  opinion: z.string(),
  opinionText: localText.optional(),
  zone: z.enum(ZONES).nullable(),
  complete: z.boolean(),
  rank: z.number(),
  provinceRank: z.number().nullable(),
  source: z.enum(['published', 'answers']),
  synthetic: z.boolean(),
  /** whether the result earns a certificate: the server's rule (domain/report/certificate.ts) */
  certificate: z.boolean(),
  units: z.array(unitResultSchema),
  publishedUnits: z
    .object({ unitMean: z.number(), difference: z.number(), withinRounding: z.boolean() })
    .nullable()
    .optional(),
});
export type Result = z.infer<typeof resultSchema>;

export const pageSchema = z.object({ page: z.number(), pageSize: z.number(), total: z.number() });
export type PageInfo = z.infer<typeof pageSchema>;

export const resultListSchema = z.object({ data: z.array(resultSchema), page: pageSchema.optional() });

const indicatorCost = z.object({ code: z.string(), score: z.number().nullable(), cost: z.number() });
const variableCost = indicatorCost.extend({ indicators: z.array(indicatorCost) });
const dimensionCost = indicatorCost.extend({ variables: z.array(variableCost) });

export const explanationSchema = z.object({
  score: z.number().nullable(),
  lost: z.number().nullable(),
  dimensions: z.array(dimensionCost),
  costliest: z.array(indicatorCost.extend({ dimension: z.string(), variable: z.string() })),
});
export type Explanation = z.infer<typeof explanationSchema>;
export type DimensionCost = z.infer<typeof dimensionCost>;

/** Names of the instrument's parts, when the API sends them. */
export const instrumentLabelsSchema = z.object({
  dimensions: z.array(
    z.object({
      code: z.string(),
      name: localText,
      weight: z.number().optional(),
      variables: z.array(
        z.object({
          code: z.string(),
          name: localText,
          indicators: z
            .array(
              z.object({ code: z.string(), text: localText, appliesTo: z.array(z.enum(LEVELS)).nullable().optional() }),
            )
            .optional(),
        }),
      ),
    }),
  ),
});
export type InstrumentLabels = z.infer<typeof instrumentLabelsSchema>;

export const historyPointSchema = z.object({
  year: z.number(),
  score: z.number().nullable(),
  category: z.string().nullable(),
  zone: z.enum(ZONES).nullable(),
  opinion: z.string().nullable(),
});
export type HistoryPoint = z.infer<typeof historyPointSchema>;

export const entityResultSchema = z.object({
  data: z.object({
    result: resultSchema,
    explanation: explanationSchema.nullable(),
    history: z.array(historyPointSchema).default([]),
    instrument: instrumentLabelsSchema.nullable().optional(),
  }),
});
export type EntityResultPage = z.infer<typeof entityResultSchema>['data'];

export const unitIndicatorSchema = z.object({
  code: z.string(),
  dimension: z.string(),
  variable: z.string(),
  text: localText.nullable().optional(),
  score: z.number().nullable(),
  /** scored; not_applicable (answered NA); unanswered; excluded (does not apply to this level) */
  status: z.enum(['scored', 'not_applicable', 'unanswered', 'excluded']).nullable().optional(),
  cost: z.number().nullable(),
  answers: z.array(z.object({ respondent: z.string(), value: z.number().nullable() })),
});
export type UnitIndicator = z.infer<typeof unitIndicatorSchema>;

export const unitDetailSchema = z.object({
  data: z.object({
    unit: z.object({
      id: z.number(),
      name: z.string(),
      kind: z.string().nullable().optional(),
      active: z.boolean().optional(),
      synthetic: z.boolean().optional(),
    }),
    entity: z.object({ code: z.string(), name: z.string(), level: z.enum(LEVELS) }),
    source: z.enum(['published', 'answers']).nullable(),
    /** the unit's score as its entity's result lists it; null when it has no result */
    score: z.number().nullable(),
    complete: z.boolean().nullable(),
    dimensions: z.array(dimensionScore),
    completeness: z.object({ required: z.number(), answered: z.number() }).nullable().optional(),
    explanation: explanationSchema.nullable(),
    instrument: instrumentLabelsSchema.nullable().optional(),
    indicators: z.array(unitIndicatorSchema),
  }),
});
export type UnitDetail = z.infer<typeof unitDetailSchema>['data'];

const namedRef = z.object({ code: z.string(), name: z.string() });

export const userSchema = z.object({
  id: z.union([z.number(), z.string()]),
  email: z.string(),
  name: z.string().nullable().optional(),
  role: z.enum(ROLES),
  entity: namedRef.nullable().optional(),
  office: namedRef.nullable().optional(),
  active: z.boolean().optional(),
});
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z.object({ data: z.object({ user: userSchema, csrfToken: z.string().nullable() }) });
export type Session = z.infer<typeof sessionSchema>['data'];

export const officeSchema = z.object({
  id: z.number().optional(),
  code: z.string(),
  name: z.string(),
  provinceCode: z.string().optional(),
  province: z.string().nullable().optional(),
});
export type Office = z.infer<typeof officeSchema>;

export const entitySchema = z.object({
  id: z.number().optional(),
  code: z.string(),
  name: z.string(),
  level: z.enum(LEVELS),
  provinceCode: z.string().nullable().optional(),
  province: z.string().nullable().optional(),
  active: z.boolean().optional(),
});
export type Entity = z.infer<typeof entitySchema>;

export const unitRowSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string().nullable().optional(),
  active: z.boolean(),
  synthetic: z.boolean().optional(),
});
export type UnitRow = z.infer<typeof unitRowSchema>;

export const rowErrorSchema = z.object({
  row: z.number().nullable().optional(),
  column: z.string().nullable().optional(),
  message: z.string(),
});
export type RowError = z.infer<typeof rowErrorSchema>;

export const importReportSchema = z.object({ data: z.record(z.string(), z.unknown()) });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), page: pageSchema.optional() });
export const oneOf = <T extends z.ZodType>(item: T) => z.object({ data: item });
