/** Read queries over /api/v1, one hook per resource. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from './http';
import {
  cycleSchema,
  type Entity,
  entityResultSchema,
  entitySchema,
  listOf,
  MAX_PAGE_SIZE,
  officeSchema,
  type PageInfo,
  type Result,
  resultListSchema,
  unitDetailSchema,
  unitRowSchema,
  userSchema,
} from './schemas';

export const keys = {
  cycles: ['cycles'] as const,
  results: (year: number, q: ResultQuery) => ['results', year, q] as const,
  allResults: (year: number) => ['results', year, 'all'] as const,
  entityResult: (year: number, code: string) => ['entity-result', year, code] as const,
  unit: (year: number, id: number) => ['unit', year, id] as const,
  entities: (q: Record<string, string | undefined>) => ['entities', q] as const,
  units: (year: number, code: string) => ['units', year, code] as const,
  offices: ['offices'] as const,
  users: ['users'] as const,
};

export function useCycles() {
  return useQuery({
    queryKey: keys.cycles,
    queryFn: ({ signal }) => api('/cycles', listOf(cycleSchema), { signal }).then((r) => r.data),
    staleTime: 60_000,
  });
}

export type ResultSort = 'score' | '-score' | 'name';
export interface ResultQuery {
  q?: string;
  level?: string;
  province?: string;
  category?: string;
  zone?: string;
  sort: ResultSort;
  page: number;
  pageSize: number;
}

export interface ResultPage {
  rows: Result[];
  page: PageInfo;
}

/** Filters, sorts and pages locally when the server answered with the whole list. */
export function pageLocally(all: Result[], q: ResultQuery): ResultPage {
  const needle = q.q?.trim().toLocaleLowerCase('id') ?? '';
  const rows = all.filter(
    (r) =>
      (!needle || r.entity.name.toLocaleLowerCase('id').includes(needle)) &&
      (!q.level || r.entity.level === q.level) &&
      (!q.province || r.entity.provinceCode === q.province || r.entity.province === q.province) &&
      (!q.category || r.category === q.category) &&
      (!q.zone || r.zone === q.zone),
  );
  const by: Record<ResultSort, (a: Result, b: Result) => number> = {
    score: (a, b) => a.score - b.score || a.entity.name.localeCompare(b.entity.name, 'id'),
    '-score': (a, b) => b.score - a.score || a.entity.name.localeCompare(b.entity.name, 'id'),
    name: (a, b) => a.entity.name.localeCompare(b.entity.name, 'id'),
  };
  rows.sort(by[q.sort]);
  const start = (q.page - 1) * q.pageSize;
  return {
    rows: rows.slice(start, start + q.pageSize),
    page: { page: q.page, pageSize: q.pageSize, total: rows.length },
  };
}

export function useResults(year: number | undefined, q: ResultQuery) {
  return useQuery({
    queryKey: keys.results(year ?? 0, q),
    enabled: year !== undefined,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<ResultPage> => {
      const r = await api(`/cycles/${year}/results`, resultListSchema, { signal, query: { ...q } });
      // a server without paging sends every result: apply the query here
      return r.page ? { rows: r.data, page: r.page } : pageLocally(r.data, q);
    },
  });
}

const ALL_PAGE_SIZE = MAX_PAGE_SIZE;

/** Every result of a cycle the user may see (charts and filter choices). */
export function useAllResults(year: number | undefined) {
  return useQuery({
    queryKey: keys.allResults(year ?? 0),
    enabled: year !== undefined,
    queryFn: async ({ signal }): Promise<Result[]> => {
      const path = `/cycles/${year}/results`;
      const first = await api(path, resultListSchema, { signal, query: { page: 1, pageSize: ALL_PAGE_SIZE } });
      if (!first.page || first.data.length >= first.page.total) return first.data;
      const pages = Math.ceil(first.page.total / first.page.pageSize);
      const rest = await Promise.all(
        Array.from({ length: pages - 1 }, (_, i) =>
          api(path, resultListSchema, { signal, query: { page: i + 2, pageSize: first.page?.pageSize } }),
        ),
      );
      return [...first.data, ...rest.flatMap((p) => p.data)];
    },
  });
}

export function useEntityResult(year: number | undefined, code: string | undefined) {
  return useQuery({
    queryKey: keys.entityResult(year ?? 0, code ?? ''),
    enabled: year !== undefined && !!code,
    queryFn: ({ signal }) =>
      api(`/cycles/${year}/entities/${encodeURIComponent(code ?? '')}/result`, entityResultSchema, { signal }).then(
        (r) => r.data,
      ),
  });
}

export function useUnitDetail(year: number | undefined, unitId: number | undefined) {
  return useQuery({
    queryKey: keys.unit(year ?? 0, unitId ?? 0),
    enabled: year !== undefined && unitId !== undefined,
    queryFn: ({ signal }) => api(`/cycles/${year}/units/${unitId}`, unitDetailSchema, { signal }).then((r) => r.data),
  });
}

export function useEntities(q: { q?: string; level?: string; province?: string }, enabled = true) {
  return useQuery({
    queryKey: keys.entities(q),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }): Promise<Entity[]> =>
      api('/entities', listOf(entitySchema), { signal, query: { ...q, pageSize: 50 } }).then((r) => r.data),
  });
}

/** Province code → name ("32" → "Jawa Barat"), from the province entities of the registry. */
export function useProvinceNames(enabled = true) {
  return useQuery({
    queryKey: ['entities', 'provinces'],
    enabled,
    staleTime: 10 * 60_000,
    queryFn: async ({ signal }): Promise<Map<string, string>> => {
      const r = await api('/entities', listOf(entitySchema), {
        signal,
        query: { level: 'provinsi', pageSize: MAX_PAGE_SIZE },
      });
      return new Map(r.data.map((e) => [e.code, e.name.replace(/^Provinsi /, '')]));
    },
  });
}

export function useUnits(year: number | undefined, code: string | undefined) {
  return useQuery({
    queryKey: keys.units(year ?? 0, code ?? ''),
    enabled: year !== undefined && !!code,
    queryFn: ({ signal }) =>
      api(`/cycles/${year}/entities/${encodeURIComponent(code ?? '')}/units`, listOf(unitRowSchema), { signal }).then(
        (r) => r.data,
      ),
  });
}

export function useOffices(enabled = true) {
  return useQuery({
    queryKey: keys.offices,
    enabled,
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) => api('/offices', listOf(officeSchema), { signal }).then((r) => r.data),
  });
}

export function useUsers() {
  return useQuery({
    queryKey: keys.users,
    queryFn: ({ signal }) =>
      api('/users', listOf(userSchema), { signal, query: { pageSize: 200 } }).then((r) => r.data),
  });
}

/** For answers whose body the app does not read (e.g. 204 No Content). */
export const anyBody = z.unknown();
