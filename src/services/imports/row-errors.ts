/**
 * Bad rows of an import: every bad row is counted, the first REPORTED_ROWS rows are
 * reported with their messages, the rest as a count (details.moreRows), so a file of
 * a million bad rows neither fills memory nor the response.
 */
import path from 'node:path';
import { AppError } from '../../errors.ts';

export interface RowError {
  row: number;
  column?: string;
  message: string;
}

/** How many bad rows an import reports one by one. */
export const REPORTED_ROWS = 1000;

export class RowErrors {
  readonly list: RowError[] = [];
  /** bad rows in all, reported or not */
  rows = 0;
  private lastRow = -1;
  push(e: RowError): void {
    if (e.row !== this.lastRow) {
      this.rows += 1;
      this.lastRow = e.row;
    }
    if (this.rows <= REPORTED_ROWS) this.list.push(e);
  }
  get length(): number {
    return this.rows;
  }
}

/** The error for an import with bad rows: the first 1,000 bad rows, a count of the rest, nothing written. */
export function rejectRows(file: string, errors: RowError[] | RowErrors): AppError {
  let list: RowError[];
  let rows: number;
  if (errors instanceof RowErrors) {
    list = errors.list;
    rows = errors.rows;
  } else {
    const reported = new Set<number>();
    rows = new Set(errors.map((e) => e.row)).size;
    list = errors.filter((e) => {
      if (!reported.has(e.row) && reported.size >= REPORTED_ROWS) return false;
      reported.add(e.row);
      return true;
    });
  }
  const more = rows - new Set(list.map((e) => e.row)).size;
  return new AppError(
    'IMPORT_REJECTED',
    `${path.basename(file)}: ${rows} bad row${rows > 1 ? 's' : ''}, nothing was imported${
      more > 0 ? ` (the first ${REPORTED_ROWS} are listed)` : ''
    }`,
    { errors: list, badRows: rows, moreRows: more },
  );
}

export function formatRowError(e: RowError): string {
  return `row ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.message}`;
}
