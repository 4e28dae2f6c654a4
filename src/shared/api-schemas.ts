/**
 * The HTTP API's contract, shared by the server (which parses every request with
 * these schemas) and the web app (which builds its forms and types from them).
 * This file imports nothing but zod, so the browser bundle can take it as it is.
 * docs/api.md describes the routes; /api/openapi.json is generated from these.
 */
import { z } from 'zod';
import { int4IdParam, pageNumber } from './scalars.ts';

// --- vocabularies (kept equal to the server's by api-schemas.test.ts) ---
export const ROLES = ['admin', 'central', 'office_head', 'assessor', 'entity_official'] as const;
export const CYCLE_STATUSES = ['draft', 'fieldwork', 'review', 'final', 'published'] as const;
export const LEVELS = ['provinsi', 'kabupaten', 'kota', 'kementerian', 'lembaga'] as const;
export const ZONES = ['hijau', 'kuning', 'merah'] as const;
export const RESULT_SORTS = ['-score', 'score', 'name'] as const;
export const MAX_PAGE_SIZE = 500;

export type Role = (typeof ROLES)[number];
export type CycleStatus = (typeof CYCLE_STATUSES)[number];
export type Level = (typeof LEVELS)[number];
export type Zone = (typeof ZONES)[number];

/** An optional text filter: blank means "no filter". */
const filterText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));

// --- path parameters ---
export const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const entityParams = yearParams.extend({ code: z.string().min(1).max(64) });
export const unitParams = yearParams.extend({ unitId: int4IdParam });
export const idParams = z.object({ id: int4IdParam });

// --- queries ---
export const pageQuery = z.object({
  page: pageNumber.default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

export const resultsQuery = pageQuery.extend({
  level: z.enum(LEVELS).optional(),
  /** province code, e.g. 32: the province and its kabupaten and kota */
  province: filterText,
  category: filterText,
  zone: z.enum(ZONES).optional(),
  /** part of the entity's name or code */
  q: filterText,
  /** one entity by name, alias or code, as `patuh results --entity` */
  entity: filterText,
  sort: z.enum(RESULT_SORTS).default('-score'),
});

export const entitiesQuery = pageQuery.extend({
  q: filterText,
  level: z.enum(LEVELS).optional(),
  province: filterText,
});

export const usersQuery = pageQuery.extend({ q: filterText, role: z.enum(ROLES).optional() });

// --- bodies ---
const email = z.string().trim().min(3).max(320);
const password = z.string().min(1).max(256);

export const loginBody = z.object({ email, password });

export const cycleSettings = z
  .object({
    /** service users interviewed per unit (METHODOLOGY.md: keep it a cycle setting) */
    serviceUsersPerUnit: z.number().int().min(1).max(1000).optional(),
    /** days after the move to final during which an entity may object (default 14) */
    objectionDays: z.number().int().min(1).max(365).optional(),
    /** how many findings become follow-up items per entity (default 10) */
    followUpItems: z.number().int().min(1).max(100).optional(),
  })
  .strict();

export const createCycleBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    edition: z.string().min(1).max(64),
    bandScheme: z.string().min(1).max(64),
    settings: cycleSettings.optional(),
    /** the assessment (ADR 0012): its code (default: the year), track, levels and a self-assessment's parent */
    code: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
      .optional(),
    track: z.enum(['official', 'self']).optional(),
    levels: z.array(z.string().min(1).max(32)).min(1).max(5).optional(),
    parent: z.string().min(1).max(64).optional(),
  })
  .strict();

export const transitionBody = z.object({ to: z.enum(CYCLE_STATUSES) }).strict();

export const createUnitBody = z
  .object({ name: z.string().trim().min(1).max(200), kind: z.string().trim().max(100).nullable().optional() })
  .strict();

export const updateUnitBody = z
  .object({ name: z.string().trim().min(1).max(200).optional(), active: z.boolean().optional() })
  .strict()
  .refine((b) => b.name !== undefined || b.active !== undefined, 'give a new name or active');

export const createUserBody = z
  .object({
    email,
    name: z.string().trim().max(200).optional(),
    role: z.enum(ROLES),
    /** at least 10 characters */
    password: z.string().min(10).max(256),
    /** entity code (entity_official only), e.g. "32.75" */
    entity: z.string().min(1).max(64).optional(),
    /** office code = province code (office_head and assessor only), e.g. "32" */
    office: z.string().min(1).max(64).optional(),
  })
  .strict();

export const updateUserBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    role: z.enum(ROLES).optional(),
    active: z.boolean().optional(),
    entity: z.string().min(1).max(64).nullable().optional(),
    office: z.string().min(1).max(64).nullable().optional(),
    password: z.string().min(10).max(256).optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'give at least one change');

export const createTokenBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    expiresInDays: z.number().int().min(1).max(365).optional(),
    /** admin only: a role and scope other than the admin's own */
    role: z.enum(ROLES).optional(),
    entity: z.string().min(1).max(64).optional(),
    office: z.string().min(1).max(64).optional(),
  })
  .strict();

export type LoginBody = z.input<typeof loginBody>;
export type CreateCycleBody = z.input<typeof createCycleBody>;
export type TransitionBody = z.input<typeof transitionBody>;
export type ResultsQuery = z.input<typeof resultsQuery>;
export type EntitiesQuery = z.input<typeof entitiesQuery>;
export type UsersQuery = z.input<typeof usersQuery>;
export type CreateUnitBody = z.input<typeof createUnitBody>;
export type UpdateUnitBody = z.input<typeof updateUnitBody>;
export type CreateUserBody = z.input<typeof createUserBody>;
export type UpdateUserBody = z.input<typeof updateUserBody>;
export type CreateTokenBody = z.input<typeof createTokenBody>;

// --- responses (types only; the server's presenters produce exactly these) ---
export interface ApiError {
  error: { code: string; message: string; details: unknown };
}
export interface Paged<T> {
  data: T[];
  page: { page: number; pageSize: number; total: number };
}
export interface Named {
  code: string;
  name: string;
}
export interface SignedInUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  entity: Named | null;
  office: Named | null;
}
export interface AuthResponse {
  data: { user: SignedInUser; csrfToken: string | null };
}
export interface CycleView {
  year: number;
  /** the assessment's code (ADR 0012); the year for cycles made before assessments */
  code: string;
  track: 'official' | 'self';
  levels: string[];
  edition: string | null;
  bandScheme: string;
  status: CycleStatus;
  settings: { serviceUsersPerUnit?: number; objectionDays?: number; followUpItems?: number };
  instrument: { edition: string; name: { id: string; en: string } } | null;
  /** the statuses this principal may move the cycle to */
  transitions: CycleStatus[];
}
export interface ResultView {
  entity: { code: string; name: string; level: Level; province: string | null; provinceCode: string | null };
  score: number;
  category: string | null;
  opinion: string;
  /** the opinion in both languages (the API only; `patuh results --json` has `opinion`) */
  opinionText: { id: string; en: string };
  zone: Zone | null;
  complete: boolean;
  rank: number;
  provinceRank: number | null;
  source: 'published' | 'answers';
  synthetic: boolean;
  /** whether the cycle's rule gives this result a certificate (piagam) */
  certificate: boolean;
  units: Array<{
    id: number;
    name: string;
    score: number | null;
    complete: boolean;
    dimensions: Array<{ code: string; score: number | null }>;
  }>;
  /** a published entity score with published units: their mean beside it (the entity score stands) */
  publishedUnits: { unitMean: number; difference: number; withinRounding: boolean } | null;
}
export interface HistoryPoint {
  year: number;
  score: number;
  category: string | null;
  zone: Zone | null;
  opinion: string;
}
export interface UnitView {
  id: number;
  name: string;
  kind: string | null;
  active: boolean;
  synthetic: boolean;
}
export interface EntityView {
  code: string;
  name: string;
  level: Level;
  provinceCode: string | null;
}
export interface OfficeView {
  code: string;
  name: string;
  provinceCode: string;
}
export interface UserView extends SignedInUser {
  active: boolean;
  lockedUntil: string | null;
  createdAt: string;
}
export interface TokenView {
  id: number;
  name: string;
  role: Role;
  entity: Named | null;
  office: Named | null;
  createdBy: { id: number; email: string };
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}
export interface ImportRowError {
  row: number;
  column?: string;
  message: string;
}
