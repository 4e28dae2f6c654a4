/**
 * Reads a CSV import as rows of strings, streaming, within the caps. The encoding is
 * found first: UTF-8 (with or without a BOM) as it is; UTF-16 with a BOM; anything
 * else that is not valid UTF-8 is read as Windows-1252 (what Excel on Windows saves as
 * "CSV"), with a warning in the report, never as mojibake.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import type { ImportLimits } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { capsGuard, normalizeHeader, type ProgressFn, type Table, type TableRow } from './table.ts';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The file's encoding, by its BOM or by whether every byte is valid UTF-8 (read in chunks: flat memory). */
export async function detectEncoding(file: string): Promise<CsvEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
      const b = chunk as Buffer;
      if (first) {
        first = false;
        if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
        if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
      }
      decoder.decode(b, { stream: true });
    }
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

function decoding(encoding: CsvEncoding): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

/** ";" when the first line has more semicolons than commas (Excel in an Indonesian locale), else ",". */
async function detectDelimiter(file: string, encoding: CsvEncoding): Promise<string> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const text = new TextDecoder(encoding).decode(head.subarray(0, bytesRead));
    const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    return firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  } finally {
    await fh.close();
  }
}

export async function openCsv(file: string, limits: ImportLimits, onProgress?: ProgressFn): Promise<Table> {
  const name = path.basename(file);
  const encoding = await detectEncoding(file);
  const warnings =
    encoding === 'windows-1252'
      ? [
          `${name} is not UTF-8: it was read as Windows-1252 (the encoding of Excel's "CSV" on Windows); check that names with letters such as é or – came through, or save it as "CSV UTF-8"`,
        ]
      : [];
  const delimiter = await detectDelimiter(file, encoding);
  const total = (await stat(file)).size;
  const source = createReadStream(file);
  let read = 0;
  source.on('data', (chunk) => {
    read += chunk.length;
    onProgress?.(read, total);
  });
  const parser = source
    .pipe(decoding(encoding))
    .pipe(parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const stop = () => {
    source.destroy();
    parser.destroy();
  };
  let first: IteratorResult<string[]>;
  try {
    first = await iterator.next();
  } catch (e) {
    stop();
    throw new AppError('IMPORT_REJECTED', `cannot read ${name} as CSV: ${(e as Error).message.slice(0, 300)}`);
  }
  if (first.done) throw new AppError('IMPORT_REJECTED', `${name} is empty: it needs a header row`);
  const header = first.value.map(normalizeHeader);
  const guard = capsGuard(name, limits, header.length);
  async function* rows(): AsyncIterable<TableRow> {
    let row = 1;
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        row += 1;
        guard(row, next.value.length);
        yield { row, cells: next.value };
      }
    } catch (e) {
      stop();
      if (e instanceof AppError) throw e;
      throw new AppError(
        'IMPORT_REJECTED',
        `cannot read ${name} after row ${row}: ${(e as Error).message.slice(0, 300)}`,
      );
    }
  }
  return { header, rows: rows(), warnings, encoding };
}
