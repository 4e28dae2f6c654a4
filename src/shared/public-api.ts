/**
 * The public dashboard's API contract (/api/v1/public, no sign-in, published cycles
 * only) and the instrument catalog (/api/v1/instruments), shared by the server and
 * the web app. Imports nothing but zod and the shared vocabularies, like api-schemas.ts.
 */
import { z } from 'zod';
import { LEVELS, type Level, yearParams, type Zone } from './api-schemas.ts';

export const RANKING_KINDS = ['level', 'province', 'improved', 'awards'] as const;
export type RankingKind = (typeof RANKING_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_LEVELS = ['entity', 'unit'] as const;
export type ExportLevel = (typeof EXPORT_LEVELS)[number];

export const publicEntityParams = yearParams.extend({ code: z.string().min(1).max(64) });
export const exportParams = yearParams.extend({ format: z.enum(EXPORT_FORMATS) });

export const rankingsQuery = z.object({
  kind: z.enum(RANKING_KINDS).default('level'),
  /** kind=level: only this level's table */
  level: z.enum(LEVELS).optional(),
  /** kind=province: only this province's table (its code, e.g. 32) */
  province: z
    .string()
    .trim()
    .regex(/^\d{2}$/, 'a province code has two digits, e.g. 32')
    .optional(),
});
export const searchQuery = z.object({
  /** part of a name, an alias or a code; "kab bogor" and "pemkot bekasi" work */
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const exportQuery = z.object({ level: z.enum(EXPORT_LEVELS).default('entity') });

export type RankingsQuery = z.input<typeof rankingsQuery>;

// --- responses ---
export interface LocalText {
  id: string;
  en: string;
}

export interface PublicCycle {
  year: number;
  edition: string | null;
  bandScheme: string;
  instrument: { edition: string; name: LocalText } | null;
  /** entities with a result */
  entities: number;
}

export interface BandView {
  min: number;
  category: string | null;
  opinion: LocalText;
  zone: Zone | null;
}

export interface TallyView {
  entities: number;
  meanScore: number | null;
  categories: Array<{ category: string; count: number }>;
  zones: Array<{ zone: Zone; count: number }>;
  greenShare: number | null;
  /** the zone the mean score falls in (the server bands it; the map colours by it) */
  meanZone: Zone | null;
}

export interface PublicSummary {
  cycle: PublicCycle;
  bands: BandView[];
  /** each zone's score range, best first: the map's colour key */
  zoneRanges: Array<{ zone: Zone; from: number; to: number | null }>;
  national: TallyView;
  levels: Array<TallyView & { level: Level }>;
  /** all 38 provinces, by code; a province's numbers cover the province itself and its kabupaten and kota */
  provinces: Array<TallyView & { provinceCode: string; province: string }>;
}

export interface PublicEntityRef {
  code: string;
  name: string;
  level: Level;
  province: string | null;
  provinceCode: string | null;
}

export interface RankedRow {
  entity: PublicEntityRef;
  score: number;
  category: string | null;
  opinion: string;
  opinionText: LocalText;
  zone: Zone | null;
  rank: number;
  provinceRank: number | null;
  synthetic: boolean;
}

export interface ImprovementRow {
  rank: number;
  entity: PublicEntityRef;
  previous: { score: number; category: string | null; opinion: string; zone: Zone | null };
  current: { score: number; category: string | null; opinion: string; zone: Zone | null };
  /** current − previous, two decimals */
  change: number;
}

export type PublicRankings =
  | { kind: 'level'; cycle: number; groups: Array<{ level: Level; size: number; rows: RankedRow[] }> }
  | { kind: 'province'; cycle: number; groups: Array<{ provinceCode: string; province: string; rows: RankedRow[] }> }
  | { kind: 'improved'; cycle: number; previousCycle: number | null; schemeChanged: boolean; rows: ImprovementRow[] }
  | { kind: 'awards'; cycle: number; rows: RankedRow[] };

/** A search hit: enough to show a line and link to the result card. */
export interface SearchHit {
  entity: PublicEntityRef;
  score: number;
  category: string | null;
  zone: Zone | null;
}

export interface PublicResultCard {
  cycle: PublicCycle;
  entity: PublicEntityRef;
  score: number;
  category: string | null;
  opinion: string;
  opinionText: LocalText;
  zone: Zone | null;
  complete: boolean;
  source: 'published' | 'answers';
  synthetic: boolean;
  rank: number;
  /** entities of the same level with a result: "rank 3 of 98" */
  levelSize: number;
  provinceRank: number | null;
  provinceSize: number | null;
  units: Array<{ id: number; name: string; score: number | null; complete: boolean }>;
  history: Array<{ year: number; score: number; category: string | null; zone: Zone | null; opinion: string }>;
  /** an award band, and whether its report card and certificate are withheld ("ditahan"; the score stands) */
  award: { eligible: boolean; withheld: boolean };
  /** whether the page offers the certificate (piagam): an award band, not withheld (the server's rule) */
  certificate: boolean;
}

export interface InstrumentCatalogView {
  editions: Array<{
    edition: string;
    name: LocalText;
    year: number;
    serviceUsersPerUnit: number;
    indicators: number;
    dimensions: Array<{ code: string; name: LocalText; weight: number }>;
  }>;
  bandSchemes: Array<{ scheme: string; name: LocalText; bands: BandView[] }>;
}
