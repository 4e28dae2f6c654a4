/**
 * The public dashboard's reads (/api/v1/public): tolerant zod schemas checked at the
 * boundary, a compile-time check against the server's types (src/shared/public-api.ts),
 * and one hook per resource. Published cycles only; nobody needs to be signed in.
 */
import type { PublicCycle, PublicRankings, PublicResultCard, PublicSummary, SearchHit } from '@shared/public-api.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { Fits } from '../../api/contract';
import { api, apiUrl } from '../../api/http';
import { LEVELS, ZONES } from '../../api/schemas';

export type { ExportFormat, ExportLevel, RankingKind } from '@shared/public-api.ts';
export { EXPORT_FORMATS, EXPORT_LEVELS, RANKING_KINDS } from '@shared/public-api.ts';

const localText = z.object({ id: z.string(), en: z.string() });
const zone = z.enum(ZONES).nullable();
const level = z.enum(LEVELS);

export const publicCycleSchema = z.object({
  year: z.number(),
  edition: z.string().nullable(),
  bandScheme: z.string(),
  instrument: z.object({ edition: z.string(), name: localText }).nullable(),
  entities: z.number(),
});
export type PublicCycleView = z.infer<typeof publicCycleSchema>;

const tally = z.object({
  entities: z.number(),
  meanScore: z.number().nullable(),
  categories: z.array(z.object({ category: z.string(), count: z.number() })),
  zones: z.array(z.object({ zone: z.enum(ZONES), count: z.number() })),
  greenShare: z.number().nullable(),
  meanZone: zone.nullable(),
});
export type TallyView = z.infer<typeof tally>;

export const bandSchema = z.object({ min: z.number(), category: z.string().nullable(), opinion: localText, zone });
export type Band = z.infer<typeof bandSchema>;

export const summarySchema = z.object({
  cycle: publicCycleSchema,
  bands: z.array(bandSchema),
  zoneRanges: z.array(z.object({ zone: z.enum(ZONES), from: z.number(), to: z.number().nullable() })),
  national: tally,
  levels: z.array(tally.extend({ level })),
  provinces: z.array(tally.extend({ provinceCode: z.string(), province: z.string() })),
});
export type SummaryView = z.infer<typeof summarySchema>;
export type ProvinceTally = SummaryView['provinces'][number];

const entityRef = z.object({
  code: z.string(),
  name: z.string(),
  level,
  province: z.string().nullable(),
  provinceCode: z.string().nullable(),
});

export const rankedRowSchema = z.object({
  entity: entityRef,
  score: z.number(),
  category: z.string().nullable(),
  opinion: z.string(),
  opinionText: localText,
  zone,
  rank: z.number(),
  provinceRank: z.number().nullable(),
  synthetic: z.boolean(),
});
export type RankedRowView = z.infer<typeof rankedRowSchema>;

const banding = z.object({ score: z.number(), category: z.string().nullable(), opinion: z.string(), zone });
export const improvementSchema = z.object({
  rank: z.number(),
  entity: entityRef,
  previous: banding,
  current: banding,
  change: z.number(),
});
export type ImprovementView = z.infer<typeof improvementSchema>;

export const rankingsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('level'),
    cycle: z.number(),
    groups: z.array(z.object({ level, size: z.number(), rows: z.array(rankedRowSchema) })),
  }),
  z.object({
    kind: z.literal('province'),
    cycle: z.number(),
    groups: z.array(z.object({ provinceCode: z.string(), province: z.string(), rows: z.array(rankedRowSchema) })),
  }),
  z.object({
    kind: z.literal('improved'),
    cycle: z.number(),
    previousCycle: z.number().nullable(),
    schemeChanged: z.boolean(),
    rows: z.array(improvementSchema),
  }),
  z.object({ kind: z.literal('awards'), cycle: z.number(), rows: z.array(rankedRowSchema) }),
]);
export type RankingsView = z.infer<typeof rankingsSchema>;

export const searchHitSchema = z.object({
  entity: entityRef,
  score: z.number(),
  category: z.string().nullable(),
  zone,
});
export type SearchHitView = z.infer<typeof searchHitSchema>;

export const resultCardSchema = z.object({
  cycle: publicCycleSchema,
  entity: entityRef,
  score: z.number(),
  category: z.string().nullable(),
  opinion: z.string(),
  opinionText: localText,
  zone,
  complete: z.boolean(),
  source: z.enum(['published', 'answers']),
  synthetic: z.boolean(),
  rank: z.number(),
  levelSize: z.number(),
  provinceRank: z.number().nullable(),
  provinceSize: z.number().nullable(),
  units: z.array(z.object({ id: z.number(), name: z.string(), score: z.number().nullable(), complete: z.boolean() })),
  history: z.array(
    z.object({ year: z.number(), score: z.number(), category: z.string().nullable(), zone, opinion: z.string() }),
  ),
  award: z.object({ eligible: z.boolean(), withheld: z.boolean() }).optional(),
  certificate: z.boolean(),
});
export type ResultCardView = z.infer<typeof resultCardSchema>;

/** `tsc -p web` fails here when the server's answers stop fitting what the dashboard parses. */
export const publicContractFits: [
  Fits<PublicCycle, z.input<typeof publicCycleSchema>>,
  Fits<PublicSummary, z.input<typeof summarySchema>>,
  Fits<PublicRankings, z.input<typeof rankingsSchema>>,
  Fits<PublicResultCard, z.input<typeof resultCardSchema>>,
  Fits<SearchHit, z.input<typeof searchHitSchema>>,
] = [true, true, true, true, true];

const data = <T extends z.ZodType>(s: T) => z.object({ data: s });
/** The server may keep these for five minutes; so may we. */
const STALE = 5 * 60_000;

export function usePublicCycles() {
  return useQuery({
    queryKey: ['public', 'cycles'],
    staleTime: STALE,
    queryFn: ({ signal }) => api('/public/cycles', data(z.array(publicCycleSchema)), { signal }).then((r) => r.data),
  });
}

export function useSummary(year: number | null) {
  return useQuery({
    queryKey: ['public', 'summary', year],
    enabled: year !== null,
    staleTime: STALE,
    queryFn: ({ signal }) => api(`/public/cycles/${year}/summary`, data(summarySchema), { signal }).then((r) => r.data),
  });
}

export function useRankings(year: number | null, kind: string) {
  return useQuery({
    queryKey: ['public', 'rankings', year, kind],
    enabled: year !== null,
    staleTime: STALE,
    queryFn: ({ signal }) =>
      api(`/public/cycles/${year}/rankings`, data(rankingsSchema), { signal, query: { kind } }).then((r) => r.data),
  });
}

export function useSearch(year: number, q: string) {
  const needle = q.trim();
  return useQuery({
    queryKey: ['public', 'search', year, needle],
    enabled: needle.length >= 2,
    staleTime: STALE,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api(`/public/cycles/${year}/entities`, z.object({ data: z.array(searchHitSchema), total: z.number() }), {
        signal,
        query: { q: needle, limit: 10 },
      }),
  });
}

export function useResultCard(year: number | null, code: string) {
  return useQuery({
    queryKey: ['public', 'entity', year, code],
    enabled: year !== null && code !== '',
    staleTime: STALE,
    queryFn: ({ signal }) =>
      api(`/public/cycles/${year}/entities/${encodeURIComponent(code)}`, data(resultCardSchema), { signal }).then(
        (r) => r.data,
      ),
  });
}

/** The address of an open-data download (a plain link: the browser saves it). */
export const exportUrl = (year: number, format: string, level: string) =>
  apiUrl(`/public/cycles/${year}/export.${format}`, { level });
