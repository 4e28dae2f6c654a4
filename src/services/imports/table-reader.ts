/**
 * Reads a CSV or XLSX file (chosen by extension) as rows of strings, streaming and
 * within the caps (config.ts ImportLimits). Row numbers are those a person sees in a
 * spreadsheet: the header is row 1, the first data row 2.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { unstorableReason } from '../../shared/text-input.ts';
import { openCsv } from './csv-reader.ts';
import { rejectRows } from './row-errors.ts';
import type { ProgressFn, Table, TableRow } from './table.ts';
import { openXlsx } from './xlsx-reader.ts';

export { formatRowError, type RowError, RowErrors, rejectRows } from './row-errors.ts';

export { capsGuard, normalizeHeader, type ProgressFn, type Table, type TableRow } from './table.ts';

export async function openTable(
  file: string,
  onProgress?: ProgressFn,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<Table> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AppError('VALIDATION_FAILED', `file not found: ${file}`);
  }
  const name = path.basename(file);
  if (size === 0) throw new AppError('IMPORT_REJECTED', `${name} is empty: it needs a header row`);
  if (size > limits.maxBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `${name} is ${Math.round(size / 1024 / 1024)} MiB, more than the ${Math.round(limits.maxBytes / 1024 / 1024)} MiB an import may (PATUH_IMPORT_MAX_MB); split the file`,
      { bytes: size, limit: limits.maxBytes, setting: 'PATUH_IMPORT_MAX_MB' },
    );
  }
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx')
    throw new AppError('VALIDATION_FAILED', `cannot import ${name}: use a .csv or .xlsx file`);
  const table = ext === '.csv' ? await openCsv(file, limits, onProgress) : await openXlsx(file, limits, onProgress);
  return { ...table, rows: storableRows(file, table) };
}

/**
 * The rows, refusing the file at the first cell the database cannot hold (a NUL byte,
 * a lone surrogate: shared/text-input.ts) with its row and column, before anything is written.
 */
async function* storableRows(file: string, table: Table): AsyncIterable<TableRow> {
  for await (const r of table.rows) {
    for (let c = 0; c < r.cells.length; c++) {
      const why = unstorableReason(r.cells[c] as string);
      if (why) {
        const column = table.header[c] || `column ${c + 1}`;
        throw rejectRows(file, [{ row: r.row, column, message: `the cell ${why}` }]);
      }
    }
    yield r;
  }
}

/**
 * Finds the columns an import needs; reports every missing one at once.
 * Returns the index of each named column (-1 for optional ones that are absent).
 */
export function mapColumns<R extends string, O extends string>(
  header: readonly string[],
  required: readonly R[],
  optional: readonly O[] = [],
): Record<R | O, number> {
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    const found = header.slice(0, 20).join(', ') + (header.length > 20 ? ', …' : '');
    throw new AppError(
      'IMPORT_REJECTED',
      `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: the header row must name ${required.join(', ')}${
        optional.length ? ` (optional: ${optional.join(', ')})` : ''
      }; found ${header.length ? found : 'no columns'}`,
      { missingColumns: missing },
    );
  }
  const out = {} as Record<R | O, number>;
  for (const c of [...required, ...optional]) out[c] = header.indexOf(c);
  return out;
}
