/**
 * CSV injection (issue 12, finding 7): a name stored before names were checked, such
 * as a unit "=HYPERLINK(…)" or a respondent "+1+2", leaves every CSV Patuh writes
 * with a single quote before it, and XLSX holds it as text, never a formula.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyAnswersCsv } from '../../src/db/repos/open-data.ts';
import { buildServer } from '../../src/http/server.ts';
import { createUser } from '../../src/services/auth/create-user.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { loadCycle } from '../../src/services/cycles.ts';
import { loadDemoIfEmpty } from '../../src/services/demo.ts';
import { exportAnswers } from '../../src/services/exports/answers-export.ts';
import { exportResults } from '../../src/services/exports/results-export.ts';
import { refreshStoredResults } from '../../src/services/results/stored-results.ts';
import { type Auth, json, PASSWORD, send, signIn } from '../helpers/api.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';

let t: TestContext;
let app: FastifyInstance;
let admin: Auth;
let unitId: number;
let userId: number;
const dir = mkdtempSync(path.join(tmpdir(), 'patuh-injection-'));
const EVIL_UNIT = '=HYPERLINK("http://evil.example","klik")';
const EVIL_UNIT2 = '@SUM(1+1)';

beforeAll(async () => {
  t = await createTestContext();
  await loadDemoIfEmpty(t.ctx);
  const cycle = await loadCycle(t.ctx, 2022);
  // as if stored before the names were checked
  const units = await sql<{
    id: number;
  }>`select id from units where cycle_id = ${cycle.id} order by id limit 2`.execute(t.ctx.db);
  const [a, b] = units.rows.map((r) => r.id);
  await sql`update units set name = ${EVIL_UNIT} where id = ${a}`.execute(t.ctx.db);
  await sql`update units set name = ${EVIL_UNIT2} where id = ${b}`.execute(t.ctx.db);
  await sql`update answers set respondent = '+1+2' where id = (select min(id) from answers where unit_id = ${a} and respondent <> '')`.execute(
    t.ctx.db,
  );
  await sql`update answers set respondent = ${'\tR9'} where id = (select min(id) from answers where unit_id = ${b} and respondent <> '')`.execute(
    t.ctx.db,
  );
  await refreshStoredResults(t.ctx, cycle);
  unitId = b as number;
  userId = (await createUser(t.ctx, SYSTEM, { email: 'admin@test.id', role: 'admin', password: PASSWORD })).id;
  app = await buildServer(t.ctx, { logLevel: 'silent', webDist: null });
  admin = await signIn(app, 'admin@test.id');
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

function expectNeutralised(rows: string[][]): void {
  const cells = rows.flat();
  expect(cells).toContain(`'${EVIL_UNIT}`);
  expect(cells).toContain(`'${EVIL_UNIT2}`);
  expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
}

describe('every CSV Patuh writes neutralises formula cells', () => {
  it('patuh export answers (the database COPY)', async () => {
    const file = path.join(dir, 'answers.csv');
    await exportAnswers(t.ctx, 2022, file);
    const rows: string[][] = parse(readFileSync(file));
    expectNeutralised(rows);
    expect(rows.flat()).toContain("'+1+2");
    expect(rows.flat()).toContain("'\tR9");
  });

  it('the answers export read page by page (inside a transaction)', async () => {
    const cycle = await loadCycle(t.ctx, 2022);
    const chunks: Buffer[] = [];
    const { Writable } = await import('node:stream');
    const out = new Writable({
      write(chunk, _enc, done) {
        chunks.push(chunk);
        done();
      },
    });
    const report = await t.ctx.db.transaction().execute((tx) => copyAnswersCsv(tx, undefined, cycle.id, out));
    expect(report.method).toBe('paged-select');
    const rows: string[][] = parse(Buffer.concat(chunks));
    expectNeutralised(rows);
    expect(rows.flat()).toContain("'+1+2");
  });

  it('the public export.csv at unit level', async () => {
    const res = await send(app, null, { method: 'GET', url: '/api/v1/public/cycles/2022/export.csv?level=unit' });
    expect(res.statusCode).toBe(200);
    expectNeutralised(parse(res.rawPayload));
  });

  it('patuh export results as CSV', async () => {
    const file = path.join(dir, 'units.csv');
    await exportResults(t.ctx, 2022, file, { format: 'csv', level: 'unit' });
    expectNeutralised(parse(readFileSync(file)));
  });

  it('XLSX holds such names as text, never as formulas', async () => {
    const file = path.join(dir, 'units.xlsx');
    await exportResults(t.ctx, 2022, file, { format: 'xlsx', level: 'unit' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const values: ExcelJS.CellValue[] = [];
    wb.worksheets[0]?.eachRow((r) => {
      r.eachCell((c) => {
        values.push(c.value);
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
      });
    });
    expect(values).toContain(EVIL_UNIT);
    expect(values).toContain(EVIL_UNIT2);
  });
});

describe('names that start like a formula are refused where they are entered', () => {
  const refused = (res: { statusCode: number; body: string }, status: number, pattern: RegExp) => {
    expect(res.statusCode).toBe(status);
    expect(JSON.stringify(json(res as never).error)).toMatch(pattern);
  };

  it('a unit name, on creating and on renaming a unit', async () => {
    const res = await send(app, admin, {
      method: 'POST',
      url: '/api/v1/cycles/2022/entities/32.01/units',
      body: { name: '=HYPERLINK("http://evil.example")' },
    });
    refused(res, 400, /unit name .* starts with \\"=\\": a name may not start with/);
    const rename = await send(app, admin, { method: 'PATCH', url: `/api/v1/units/${unitId}`, body: { name: '+1+2' } });
    refused(rename, 400, /starts with \\"\+\\"/);
    const fine = await send(app, admin, {
      method: 'POST',
      url: '/api/v1/cycles/2022/entities/32.01/units',
      body: { name: 'Dinas - Perizinan' },
    });
    expect(fine.statusCode).toBe(201);
  });

  it('a user name, on creating and on changing a user, and a token name', async () => {
    const res = await send(app, admin, {
      method: 'POST',
      url: '/api/v1/users',
      body: { email: 'x@test.id', name: '@SUM(1)', role: 'central', password: 'Kuat-sekali-2025!' },
    });
    refused(res, 400, /user name .* starts with \\"@\\"/);
    const change = await send(app, admin, { method: 'PATCH', url: `/api/v1/users/${userId}`, body: { name: '-2+3' } });
    refused(change, 400, /user name .* starts with \\"-\\"/);
    const token = await send(app, admin, { method: 'POST', url: '/api/v1/tokens', body: { name: '=evil()' } });
    refused(token, 400, /token name .* starts with \\"=\\"/);
  });

  it('entity and unit names in an answers or results import, row by row', async () => {
    const answers = [
      'entity,unit,indicator,respondent,value',
      'Kabupaten Bogor,=HYPERLINK(1),PR.STD.01,,3',
      '"=cmd|\' /C calc\'!A0",Dinas Kesehatan,PR.STD.01,,3',
    ].join('\n');
    const res = await send(app, admin, {
      method: 'POST',
      url: '/api/v1/cycles/2022/imports/answers',
      upload: { filename: 'answers.csv', content: answers },
    });
    expect(res.statusCode).toBe(422);
    const errors = json(res).error.details.errors as Array<{ row: number; column: string; message: string }>;
    expect(errors).toContainEqual(expect.objectContaining({ row: 2, column: 'unit' }));
    expect(errors).toContainEqual(expect.objectContaining({ row: 3, column: 'entity' }));
    expect(errors.find((e) => e.row === 2)?.message).toMatch(/starts with "="/);
    const results = await send(app, admin, {
      method: 'POST',
      url: '/api/v1/cycles/2022/imports/results',
      upload: { filename: 'results.csv', content: 'entity,unit,score\nKabupaten Bogor,\t@x,80\n' },
    });
    expect(results.statusCode).toBe(422);
    expect(json(results).error.details.errors[0]).toMatchObject({ row: 2, column: 'unit' });
  });
});
