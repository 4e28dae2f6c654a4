/**
 * Reads a CSV or XLSX file (chosen by extension) as rows of strings. Row numbers
 * are those a person sees in a spreadsheet: the header is row 1, the first data row 2.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors.ts';
import { unstorableReason } from '../../shared/text-input.ts';

export interface TableRow {
  row: number;
  cells: string[];
}

export interface Table {
  header: string[];
  rows: AsyncIterable<TableRow>;
}

export type ProgressFn = (done: number, total: number) => void;

function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

function detectDelimiter(file: string): string {
  const fd = readFileSync(file, { encoding: 'utf8', flag: 'r' }).slice(0, 4096);
  const first = fd.split(/\r?\n/, 1)[0] ?? '';
  const semis = first.split(';').length;
  const commas = first.split(',').length;
  return semis > commas ? ';' : ',';
}

async function openCsv(file: string, onProgress?: ProgressFn): Promise<Table> {
  const total = statSync(file).size;
  const delimiter = detectDelimiter(file);
  const stream = createReadStream(file);
  let read = 0;
  stream.on('data', (chunk) => {
    read += chunk.length;
    onProgress?.(read, total);
  });
  const parser = stream.pipe(
    parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }),
  );
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let first: IteratorResult<string[]>;
  try {
    first = await iterator.next();
  } catch (e) {
    throw new AppError('IMPORT_REJECTED', `cannot read ${path.basename(file)} as CSV: ${(e as Error).message}`);
  }
  if (first.done) throw new AppError('IMPORT_REJECTED', `${path.basename(file)} is empty: it needs a header row`);
  const header = first.value.map(normalizeHeader);
  async function* rows(): AsyncIterable<TableRow> {
    let row = 1;
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        row += 1;
        yield { row, cells: next.value };
      }
    } catch (e) {
      throw new AppError(
        'IMPORT_REJECTED',
        `cannot read ${path.basename(file)} after row ${row}: ${(e as Error).message}`,
      );
    }
  }
  return { header, rows: rows() };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('result' in v && v.result !== undefined) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in v) return String(v.text).trim();
    if ('error' in v) return String(v.error);
  }
  return String(v);
}

async function openXlsx(file: string, onProgress?: ProgressFn): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (e) {
    throw new AppError(
      'IMPORT_REJECTED',
      `${path.basename(file)} is not a readable XLSX workbook (${(e as Error).message}); save it again as .xlsx or export it as CSV`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) {
    throw new AppError('IMPORT_REJECTED', `${path.basename(file)} has no rows: the first sheet needs a header row`);
  }
  const all: TableRow[] = [];
  let header: string[] | null = null;
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(r.getCell(c).value));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (header === null) header = cells.map(normalizeHeader);
    else if (cells.length > 0) all.push({ row: rowNumber, cells });
  });
  const total = all.length;
  async function* rows(): AsyncIterable<TableRow> {
    let i = 0;
    for (const r of all) {
      i += 1;
      if (i % 5000 === 0) onProgress?.(i, total);
      yield r;
    }
    onProgress?.(total, total);
  }
  return { header: header ?? [], rows: rows() };
}

export async function openTable(file: string, onProgress?: ProgressFn): Promise<Table> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AppError('VALIDATION_FAILED', `file not found: ${file}`);
  }
  if (size === 0) throw new AppError('IMPORT_REJECTED', `${path.basename(file)} is empty: it needs a header row`);
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx')
    throw new AppError('VALIDATION_FAILED', `cannot import ${path.basename(file)}: use a .csv or .xlsx file`);
  const table = ext === '.csv' ? await openCsv(file, onProgress) : await openXlsx(file, onProgress);
  return { header: table.header, rows: storableRows(file, table) };
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
    throw new AppError(
      'IMPORT_REJECTED',
      `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: the header row must name ${required.join(', ')}${
        optional.length ? ` (optional: ${optional.join(', ')})` : ''
      }; found ${header.length ? header.join(', ') : 'no columns'}`,
      { missingColumns: missing },
    );
  }
  const out = {} as Record<R | O, number>;
  for (const c of [...required, ...optional]) out[c] = header.indexOf(c);
  return out;
}

export interface RowError {
  row: number;
  column?: string;
  message: string;
}

/** The error for an import with bad rows: every bad row, nothing written. */
export function rejectRows(file: string, errors: RowError[]): AppError {
  const rows = new Set(errors.map((e) => e.row)).size;
  return new AppError(
    'IMPORT_REJECTED',
    `${path.basename(file)}: ${rows} bad row${rows > 1 ? 's' : ''}, nothing was imported`,
    { errors },
  );
}

export function formatRowError(e: RowError): string {
  return `row ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.message}`;
}
