/**
 * Imports under hostile input (issue 12, findings 4 and 9): caps on rows, cells and
 * bytes; an XLSX compression bomb refused from its zip directory; the first 1,000 bad
 * rows listed and the rest counted; a Windows-1252 or UTF-16 CSV read right, with a
 * warning; a 5 MiB cell never echoed; /health answered while an import is read.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../../src/config.ts';
import { AppError } from '../../src/errors.ts';
import { buildServer } from '../../src/http/server.ts';
import { createUser } from '../../src/services/auth/create-user.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { loadDemoIfEmpty } from '../../src/services/demo.ts';
import { importAnswers } from '../../src/services/imports/import-answers.ts';
import { importResults } from '../../src/services/imports/import-results.ts';
import { type Auth, json, PASSWORD, send, signIn } from '../helpers/api.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';
import { csvFile, rawFile } from '../helpers/files.ts';
import { zip } from '../helpers/zip.ts';

let t: TestContext;
let app: FastifyInstance;
let admin: Auth;

beforeAll(async () => {
  t = await createTestContext();
  await loadDemoIfEmpty(t.ctx);
  await createUser(t.ctx, SYSTEM, { email: 'admin@test.id', role: 'admin', password: PASSWORD });
  app = await buildServer(t.ctx, { logLevel: 'silent', webDist: null });
  admin = await signIn(app, 'admin@test.id');
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const header = ['entity', 'unit', 'indicator', 'respondent', 'value'];
const goodRow = (i: number) => ['Kabupaten Bogor', `Puskesmas Uji ${i}`, 'PR.STD.01', '', '3'];

describe('caps (config.ts ImportLimits)', () => {
  it('refuses more rows than PATUH_IMPORT_MAX_ROWS with 413 and the setting named', async () => {
    const file = csvFile([header, ...Array.from({ length: 11 }, (_, i) => goodRow(i))]);
    const e = await refusal(importAnswers(t.ctx, file, 2022, { limits: { ...DEFAULT_IMPORT_LIMITS, maxRows: 10 } }));
    expect(e.code).toBe('PAYLOAD_TOO_LARGE');
    expect(e.status).toBe(413);
    expect(e.message).toMatch(/more than 10 rows .*PATUH_IMPORT_MAX_ROWS/);
  });

  it('refuses more cells than PATUH_IMPORT_MAX_CELLS', async () => {
    const file = csvFile([['entity', 'score'], ...Array.from({ length: 5 }, () => ['Kota Bekasi', '80'])]);
    const e = await refusal(importResults(t.ctx, file, 2022, { limits: { ...DEFAULT_IMPORT_LIMITS, maxCells: 8 } }));
    expect(e.code).toBe('PAYLOAD_TOO_LARGE');
    expect(e.message).toMatch(/more than 8 cells \(at row 5\).*PATUH_IMPORT_MAX_CELLS/);
  });

  it('refuses a file larger than PATUH_IMPORT_MAX_MB before reading it', async () => {
    const file = csvFile([header, ...Array.from({ length: 50 }, (_, i) => goodRow(i))]);
    const e = await refusal(importAnswers(t.ctx, file, 2022, { limits: { ...DEFAULT_IMPORT_LIMITS, maxBytes: 1000 } }));
    expect(e.code).toBe('PAYLOAD_TOO_LARGE');
    expect(e.message).toMatch(/PATUH_IMPORT_MAX_MB/);
  });

  it('imports a file within the caps, and nothing of a refused one', async () => {
    const before = await sql<{
      n: number;
    }>`select count(*)::int as n from units where name like 'Puskesmas Uji %'`.execute(t.ctx.db);
    expect(before.rows[0]?.n).toBe(0);
    const r = await importAnswers(t.ctx, csvFile([header, goodRow(1), goodRow(2)]), 2022, {
      limits: { ...DEFAULT_IMPORT_LIMITS, maxRows: 2 },
    });
    expect(r.answers).toBe(2);
    expect(r.warnings).toEqual([]);
  });
});

describe('XLSX', () => {
  it('is read row by row, the first sheet, with spreadsheet row numbers in errors', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('data');
    ws.addRow(header);
    ws.addRow(goodRow(10));
    ws.addRow(['Kota Atlantis', 'Dinas', 'PR.STD.01', '', '3']);
    const file = rawFile(Buffer.from(await wb.xlsx.writeBuffer()), 'answers.xlsx');
    const e = await refusal(importAnswers(t.ctx, file, 2022));
    expect(e.code).toBe('IMPORT_REJECTED');
    expect((e.details as { errors: Array<{ row: number }> }).errors.map((x) => x.row)).toEqual([3]);
  });

  it('refuses a compression bomb from the sizes its zip declares, before inflating it', async () => {
    const bomb = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const file = rawFile(bomb, 'bomb.xlsx');
    const e = await refusal(importAnswers(t.ctx, file, 2022));
    expect(e.code).toBe('PAYLOAD_TOO_LARGE');
    expect(e.message).toMatch(/sheet1\.xml unpacks \d+ times its packed size .*compression bomb/);
    const total = await refusal(
      importAnswers(t.ctx, file, 2022, { limits: { ...DEFAULT_IMPORT_LIMITS, maxUnpackedBytes: 32 * 1024 * 1024 } }),
    );
    expect(total.message).toMatch(/unpacks to 64 MiB, more than the 32 MiB .*PATUH_IMPORT_MAX_UNPACKED_MB/);
  });

  it('refuses a file that is no zip with a message, not a 500', async () => {
    const e = await refusal(importAnswers(t.ctx, rawFile('not a workbook', 'fake.xlsx'), 2022));
    expect(e.code).toBe('IMPORT_REJECTED');
    expect(e.message).toMatch(/not a readable XLSX workbook/);
  });
});

describe('bad rows', () => {
  it('lists the first 1,000 bad rows and counts the rest', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => [`Kota Fiktif ${i}`, 'Dinas', 'PR.STD.01', '', '3']);
    const e = await refusal(importAnswers(t.ctx, csvFile([header, ...rows]), 2022));
    const d = e.details as { errors: Array<{ row: number }>; badRows: number; moreRows: number };
    expect(new Set(d.errors.map((x) => x.row)).size).toBe(1000);
    expect(d.errors[0]?.row).toBe(2);
    expect(d.badRows).toBe(1500);
    expect(d.moreRows).toBe(500);
    expect(e.message).toMatch(/1500 bad rows, nothing was imported \(the first 1000 are listed\)/);
  });
});

const UNIT = 'Kecamatan Cibeunying Kaler – Puskesmas Café';

/** The text in Windows-1252, as Excel on Windows saves "CSV": – is 0x96, é is 0xE9. */
function cp1252(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch === '–') bytes.push(0x96);
    else if (ch.charCodeAt(0) < 256) bytes.push(ch.charCodeAt(0));
    else throw new Error(`no cp1252 byte for ${ch}`);
  }
  return Buffer.from(bytes);
}

async function unitExists(name: string): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from units where name = ${name}`.execute(t.ctx.db);
  return (r.rows[0]?.n ?? 0) > 0;
}

describe('encodings', () => {
  const text = (unit: string) => `entity;unit;indicator;respondent;value\r\nKabupaten Bogor;${unit};PR.STD.01;;2\r\n`;

  it('reads a Windows-1252 CSV right, with a warning in the report', async () => {
    const file = rawFile(cp1252(text(UNIT)), 'cp1252.csv');
    expect(readFileSync(file).includes(0x96)).toBe(true);
    const r = await importAnswers(t.ctx, file, 2022);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/not UTF-8: it was read as Windows-1252/);
    expect(await unitExists(UNIT)).toBe(true);
  });

  it('reads UTF-8 with a BOM and UTF-16 with a BOM without a warning', async () => {
    const bom = await importAnswers(
      t.ctx,
      rawFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(`${UNIT} 8`))]), 'utf8.csv'),
      2022,
    );
    expect(bom.warnings).toEqual([]);
    expect(await unitExists(`${UNIT} 8`)).toBe(true);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(`${UNIT} 16`), 'utf16le')]);
    const r = await importAnswers(t.ctx, rawFile(utf16, 'utf16.csv'), 2022);
    expect(r.warnings).toEqual([]);
    expect(await unitExists(`${UNIT} 16`)).toBe(true);
  });

  it('says so over HTTP too', async () => {
    const res = await send(app, admin, {
      method: 'POST',
      url: '/api/v1/cycles/2022/imports/answers',
      upload: {
        filename: 'x.csv',
        content: 'entity,unit,indicator,respondent,value\nKabupaten Bogor,Dinas Kesehatan,PR.STD.01,,1\n',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(json(res).data.warnings).toEqual([]);
  });
});

describe('echoes', () => {
  it('a 422 quotes at most 200 characters of a 5 MiB cell', async () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const res = await send(app, admin, {
      method: 'POST',
      url: '/api/v1/cycles/2022/imports/results',
      upload: { filename: 'big.csv', content: `entity,score\nKota Bekasi,${huge}\n${huge},80\n` },
    });
    expect(res.statusCode).toBe(422);
    expect(res.body.length).toBeLessThan(5000);
    const errors = json(res).error.details.errors as Array<{ column: string; message: string }>;
    expect(errors.find((e) => e.column === 'score')?.message).toContain(`"${'x'.repeat(200)}…"`);
    expect(errors.find((e) => e.column === 'entity')?.message).toContain(`"${'x'.repeat(200)}…"`);
  });
});

describe('the server while an import is read', () => {
  it('answers /health during a 10,000-row import of unknown names', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      `Kabupaten Tak Dikenal ${i}`,
      'Dinas',
      'PR.STD.01',
      '',
      '3',
    ]);
    const content = readFileSync(csvFile([header, ...rows]), 'utf8');
    let done = false;
    const importing = send(app, admin, {
      method: 'POST',
      url: '/api/v1/cycles/2022/imports/answers',
      upload: { filename: 'unknown.csv', content },
    }).finally(() => {
      done = true;
    });
    let answered = 0;
    while (!done) {
      const h = await send(app, null, { method: 'GET', url: '/api/v1/health' });
      expect(h.statusCode).toBe(200);
      if (!done) answered += 1;
      await new Promise((r) => setTimeout(r, 10));
    }
    const res = await importing;
    expect(res.statusCode).toBe(422);
    expect(json(res).error.details.badRows).toBe(10_000);
    // a blocked event loop answers none (or one per chunk read); a free one answers hundreds
    expect(answered).toBeGreaterThan(20);
  });
});
