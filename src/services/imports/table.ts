/** A table being read: its header, its rows as they stream, and the caps while reading. */
import type { ImportLimits } from '../../config.ts';
import { AppError } from '../../errors.ts';

export interface TableRow {
  row: number;
  cells: string[];
}

export interface Table {
  header: string[];
  rows: AsyncIterable<TableRow>;
  /** what a person should check (e.g. a CSV read as Windows-1252) */
  warnings: string[];
  /** a CSV's encoding; null for XLSX */
  encoding: string | null;
}

export type ProgressFn = (done: number, total: number) => void;

export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .slice(0, 100);
}

/** Counts rows and cells as they are read; throws PAYLOAD_TOO_LARGE at the first row past a cap. */
export function capsGuard(
  name: string,
  limits: ImportLimits,
  headerCells: number,
): (row: number, cells: number) => void {
  let rows = 0;
  let cellCount = headerCells;
  return (row, cells) => {
    rows += 1;
    cellCount += cells;
    if (rows > limits.maxRows) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `${name} has more than ${limits.maxRows} rows (at row ${row}), more than an import may (PATUH_IMPORT_MAX_ROWS); split the file`,
        { limit: limits.maxRows, setting: 'PATUH_IMPORT_MAX_ROWS' },
      );
    }
    if (cellCount > limits.maxCells) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `${name} has more than ${limits.maxCells} cells (at row ${row}), more than an import may (PATUH_IMPORT_MAX_CELLS); remove unused columns or split the file`,
        { limit: limits.maxCells, setting: 'PATUH_IMPORT_MAX_CELLS' },
      );
    }
  };
}
