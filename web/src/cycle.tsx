/**
 * The cycle being looked at. Result pages carry it in the URL (/cycles/2022/…);
 * other pages use the last one picked, or by default the newest cycle that has
 * results the user may see.
 */
import { useQueries } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from './api/http';
import { useCycles } from './api/queries';
import { type Cycle, resultListSchema } from './api/schemas';

const STORAGE_KEY = 'patuh.cycle';

interface CycleValue {
  cycles: Cycle[];
  loading: boolean;
  error: unknown;
  /** the cycle in the URL, else the picked one, else the default */
  year: number | undefined;
  cycle: Cycle | undefined;
  pick(year: number): void;
}

const CycleContext = createContext<CycleValue | null>(null);

function storedYear(): number | undefined {
  try {
    const v = Number(window.localStorage.getItem(STORAGE_KEY));
    return Number.isInteger(v) && v > 0 ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The year in /cycles/:year/…, if the page has one. */
export function yearInPath(pathname: string): number | undefined {
  const m = /^\/cycles\/(\d{4})(?:\/|$)/.exec(pathname);
  return m?.[1] ? Number(m[1]) : undefined;
}

function useDefaultYear(cycles: Cycle[]): number | undefined {
  const newestFirst = useMemo(() => [...cycles].sort((a, b) => b.year - a.year), [cycles]);
  const probes = useQueries({
    queries: newestFirst.map((c) => ({
      queryKey: ['results', c.year, 'probe'],
      staleTime: 60_000,
      retry: false,
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api(`/cycles/${c.year}/results`, resultListSchema, { signal, query: { page: 1, pageSize: 1 } }).then(
          (r) => (r.page?.total ?? r.data.length) > 0,
        ),
    })),
  });
  for (let i = 0; i < newestFirst.length; i++) {
    const probe = probes[i];
    if (!probe || probe.isPending) return undefined; // wait: a newer cycle may still have results
    if (probe.data === true) return newestFirst[i]?.year;
  }
  return newestFirst[0]?.year;
}

export function CycleProvider({ children }: { children: ReactNode }) {
  const cyclesQuery = useCycles();
  const cycles = useMemo(() => cyclesQuery.data ?? [], [cyclesQuery.data]);
  const location = useLocation();
  const navigate = useNavigate();
  const [picked, setPicked] = useState<number | undefined>(storedYear);
  const fallback = useDefaultYear(cycles);
  const known = (y: number | undefined) => (y !== undefined && cycles.some((c) => c.year === y) ? y : undefined);
  const inPath = yearInPath(location.pathname);
  const year = inPath ?? known(picked) ?? fallback;

  const pick = useCallback(
    (y: number) => {
      setPicked(y);
      try {
        window.localStorage.setItem(STORAGE_KEY, String(y));
      } catch {
        // remembered for this page only
      }
      const current = yearInPath(location.pathname);
      if (current === undefined) return;
      // entity pages exist in every cycle; unit ids belong to one cycle
      const entity = /^\/cycles\/\d{4}\/entities\/([^/]+)/.exec(location.pathname)?.[1];
      navigate(entity ? `/cycles/${y}/entities/${entity}` : `/cycles/${y}`);
    },
    [location.pathname, navigate],
  );

  const value = useMemo<CycleValue>(
    () => ({
      cycles,
      loading: cyclesQuery.isPending,
      error: cyclesQuery.error,
      year,
      cycle: cycles.find((c) => c.year === year),
      pick,
    }),
    [cycles, cyclesQuery.isPending, cyclesQuery.error, year, pick],
  );
  return <CycleContext.Provider value={value}>{children}</CycleContext.Provider>;
}

export function useCycle(): CycleValue {
  const v = useContext(CycleContext);
  if (!v) throw new Error('useCycle outside CycleProvider');
  return v;
}
