/**
 * Writes a table row by row to CSV, XLSX or JSON with flat memory: every format
 * streams to the file and waits for it to drain. The same columns and values go to
 * every format: CSV and XLSX have a header row; JSON is an array of objects.
 * A CSV text cell that starts like a formula gets a single quote before it
 * (domain/text/cells.ts); XLSX cells are written as text values, never formulas.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { stringify } from 'csv-stringify';
import { neutralizeCell } from '../../domain/text/cells.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type CellType = 'string' | 'integer' | 'score' | 'boolean';
export type Cell = string | number | boolean | null;

export interface ColumnSpec {
  key: string;
  type: CellType;
}

export interface TableWriter {
  write(row: readonly Cell[]): Promise<void>;
  /** finishes the file */
  close(): Promise<void>;
}

async function drained(out: WriteStream, ok: boolean): Promise<void> {
  if (!ok) await once(out, 'drain');
}

async function finished(out: WriteStream): Promise<void> {
  out.end();
  await once(out, 'close');
}

function csvWriter(file: string, columns: readonly ColumnSpec[]): TableWriter {
  const out = createWriteStream(file);
  const csv = stringify({
    header: true,
    columns: columns.map((c) => c.key),
    cast: { boolean: (v) => (v ? 'true' : 'false'), number: (v) => String(v) },
  });
  csv.pipe(out);
  return {
    async write(row) {
      // scores always with two decimals, as published
      const cells = row.map((v, i) =>
        columns[i]?.type === 'score' && typeof v === 'number'
          ? v.toFixed(2)
          : typeof v === 'string'
            ? neutralizeCell(v)
            : v,
      );
      if (!csv.write(cells)) await once(csv, 'drain');
    },
    async close() {
      csv.end();
      await once(out, 'close');
    },
  };
}

function jsonWriter(file: string, columns: readonly ColumnSpec[]): TableWriter {
  const out = createWriteStream(file);
  let first = true;
  return {
    async write(row) {
      const o: Record<string, Cell> = {};
      columns.forEach((c, i) => {
        o[c.key] = row[i] ?? null;
      });
      const text = `${first ? '[\n' : ',\n'}${JSON.stringify(o)}`;
      first = false;
      await drained(out, out.write(text));
    },
    async close() {
      out.write(first ? '[]\n' : '\n]\n');
      await finished(out);
    },
  };
}

async function xlsxWriter(file: string, columns: readonly ColumnSpec[], sheet: string): Promise<TableWriter> {
  const ExcelJS = (await import('exceljs')).default; // loaded only when an XLSX is written
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const ws = workbook.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.key,
    key: c.key,
    width: Math.max(10, Math.min(40, c.key.length + 4)),
    ...(c.type === 'score' ? { style: { numFmt: '0.00' } } : {}),
  }));
  const scoreColumns = columns.flatMap((c, i) => (c.type === 'score' ? [i + 1] : []));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  return {
    async write(row) {
      // a string is a string value (a shared or inline string), never { formula }: "=1+2" stays text
      const r = ws.addRow(row.map((v) => v ?? null));
      // the column style covers empty cells only: each score cell carries the format itself
      for (const i of scoreColumns) r.getCell(i).numFmt = '0.00';
      r.commit();
    },
    async close() {
      ws.commit();
      await workbook.commit();
    },
  };
}

export async function openTableWriter(
  format: ExportFormat,
  file: string,
  columns: readonly ColumnSpec[],
  sheet = 'data',
): Promise<TableWriter> {
  if (format === 'csv') return csvWriter(file, columns);
  if (format === 'json') return jsonWriter(file, columns);
  return xlsxWriter(file, columns, sheet);
}
