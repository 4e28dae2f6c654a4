/** The dashboard's addresses, written once (they are shared: keep them stable). */
import { useParams } from 'react-router';

/** Indonesian words in the URL ↔ the API's ranking kinds. */
export const KIND_WORDS = { tingkat: 'level', provinsi: 'province', naik: 'improved', penghargaan: 'awards' } as const;
export type KindWord = keyof typeof KIND_WORDS;
export type Kind = (typeof KIND_WORDS)[KindWord];

export const isKindWord = (v: string | null): v is KindWord => v !== null && v in KIND_WORDS;

export const overviewPath = (year: number) => `/publik/${year}`;
export const cardPath = (year: number, code: string) => `/publik/${year}/entitas/${encodeURIComponent(code)}`;

export function rankingsPath(year: number, kind?: KindWord, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ ...(kind ? { jenis: kind } : {}), ...extra }).toString();
  return `/publik/${year}/peringkat${q ? `?${q}` : ''}`;
}

/** The cycle year in the URL; null when it is not a year. */
export function usePublicYear(): number | null {
  const { year } = useParams();
  return year && /^\d{4}$/.test(year) ? Number(year) : null;
}
