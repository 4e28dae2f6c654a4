/** One page of a list, as every list endpoint returns it. Pages count from 1. */
export interface Page<T> {
  rows: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

export const offsetOf = (p: PageRequest): number => (p.page - 1) * p.pageSize;

/** Pages a list already in memory. */
export function pageOf<T>(all: readonly T[], p: PageRequest): Page<T> {
  const start = offsetOf(p);
  return { rows: all.slice(start, start + p.pageSize), page: p.page, pageSize: p.pageSize, total: all.length };
}
