/**
 * Reads the first sheet of an XLSX import row by row with exceljs's streaming reader
 * (flat memory: no workbook is built), after the zip's declared sizes were checked
 * (zip-check.ts), and stops as soon as a cap is passed.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ImportLimits } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { capsGuard, normalizeHeader, type ProgressFn, type Table, type TableRow } from './table.ts';
import { checkZipBomb } from './zip-check.ts';

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

function rowCells(r: ExcelJS.Row): string[] {
  const values = r.values as ExcelJS.CellValue[]; // 1-based, sparse
  const cells: string[] = [];
  for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

export async function openXlsx(file: string, limits: ImportLimits, onProgress?: ProgressFn): Promise<Table> {
  const name = path.basename(file);
  await checkZipBomb(file, limits);
  const unreadable = (e: unknown) =>
    new AppError(
      'IMPORT_REJECTED',
      `${name} is not a readable XLSX workbook (${String((e as Error).message).slice(0, 200)}); save it again as .xlsx or export it as CSV`,
    );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // the number formats tell a date cell from a number (a register's due dates)
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  const sheets = reader[Symbol.asyncIterator]() as AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader>;
  let sheetIt: AsyncIterator<ExcelJS.Row>;
  let firstRow: IteratorResult<ExcelJS.Row>;
  try {
    const sheet = await sheets.next();
    if (sheet.done) throw new AppError('IMPORT_REJECTED', `${name} has no sheet: the first sheet needs a header row`);
    sheetIt = (sheet.value as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
    firstRow = await sheetIt.next();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw unreadable(e);
  }
  if (firstRow.done) throw new AppError('IMPORT_REJECTED', `${name} has no rows: the first sheet needs a header row`);
  const header = rowCells(firstRow.value).map(normalizeHeader);
  const guard = capsGuard(name, limits, header.length);
  async function* rows(): AsyncIterable<TableRow> {
    let count = 0;
    try {
      for (;;) {
        const next = await sheetIt.next();
        if (next.done) break;
        const cells = rowCells(next.value);
        if (cells.length === 0) continue;
        count += 1;
        guard(count + 1, cells.length);
        if (count % 5000 === 0) onProgress?.(count, count);
        yield { row: next.value.number, cells };
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw unreadable(e);
    }
    onProgress?.(count, count);
  }
  return { header, rows: rows(), warnings: [], encoding: null };
}
