/**
 * `patuh report`, `patuh rankings` and `patuh export` as a person runs them: real
 * processes on a real data folder (PGlite, or PostgreSQL with PATUH_TEST_DATABASE_URL).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliWorkspace } from '../helpers/cli.ts';
import { csvFile } from '../helpers/files.ts';
import { pdfFlatText } from '../helpers/pdf-text.ts';

const out = mkdtempSync(path.join(tmpdir(), 'patuh-reports-out-'));
const cli = cliWorkspace('reports_cli');
const { patuh } = cli;

beforeAll(async () => {
  await cli.setUp();
  const file = csvFile([
    ['entity', 'unit', 'score'],
    ['Kota Bekasi', 'DPMPTSP', '85.00'],
    ['Kota Bekasi', 'Dinas Kesehatan', '81.36'],
    ['Kota Kendari', 'Dinas Sosial', '58.99'],
  ]);
  const r = await patuh('import', 'results', file, '--cycle', '2022', '--no-progress');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});
afterAll(() => cli.tearDown());

describe('patuh report', () => {
  it('writes a report card and a certificate', async () => {
    const card = path.join(out, 'bekasi.pdf');
    const r = await patuh('report', 'card', '--cycle', '2022', '--entity', 'Kota Bekasi', '-o', card);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rapor 2022 Kota Bekasi \(83,18/);
    expect(pdfFlatText(readFileSync(card))).toContain('Nilai 83,18');
    const cert = path.join(out, 'bekasi-piagam.pdf');
    const ambiguous = await patuh('report', 'certificate', '--cycle', '2022', '--entity', 'Bekasi', '-o', cert);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/could be/);
    expect((await patuh('report', 'certificate', '--cycle', '2022', '--entity', 'Kota Bekasi', '-o', cert)).code).toBe(
      0,
    );
    expect(pdfFlatText(readFileSync(cert))).toContain('Kategori B — Kualitas Tinggi');
  });

  it('refuses a certificate outside the green zone with exit code 2', async () => {
    const file = path.join(out, 'kendari-piagam.pdf');
    const r = await patuh('report', 'certificate', '--cycle', '2022', '--entity', 'Kota Kendari', '-o', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kuning zone.*green zone/);
    expect(existsSync(file)).toBe(false);
  });

  it('writes every card of a cycle into a folder', async () => {
    const dir = path.join(out, 'cards');
    const r = await patuh(
      'report',
      'cards',
      '--cycle',
      '2022',
      '--out',
      dir,
      '--certificates',
      '--no-progress',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ cycle: 2022, cards: 2, certificates: 1 });
    expect(readdirSync(dir).sort()).toEqual([
      '32.75-kota-bekasi-piagam-2022.pdf',
      '32.75-kota-bekasi-rapor-2022.pdf',
      '74.71-kota-kendari-rapor-2022.pdf',
    ]);
  });
});

describe('patuh rankings and export', () => {
  it('prints the awards list as JSON', async () => {
    const r = await patuh('rankings', '--cycle', '2022', '--kind', 'awards', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rows.map((x: { entity: { name: string } }) => x.entity.name)).toEqual(['Kota Bekasi']);
    expect((await patuh('rankings', '--cycle', '2022', '--kind', 'best')).code).toBe(2);
  });

  it('exports results and answers as files', async () => {
    const csv = path.join(out, 'units.csv');
    const r = await patuh(
      'export',
      'results',
      '--cycle',
      '2022',
      '--format',
      'csv',
      '--level',
      'unit',
      '-o',
      csv,
      '--no-progress',
    );
    expect(r.code).toBe(0);
    const rows: Array<Record<string, string>> = parse(readFileSync(csv), { columns: true });
    expect(rows.map((x) => [x.entity_name, x.unit_name, x.unit_score, x.entity_score])).toEqual([
      ['Kota Bekasi', 'DPMPTSP', '85.00', '83.18'],
      ['Kota Bekasi', 'Dinas Kesehatan', '81.36', '83.18'],
      ['Kota Kendari', 'Dinas Sosial', '58.99', '58.99'],
    ]);
    expect((await patuh('export', 'results', '--cycle', '2022', '--format', 'pdf', '-o', csv)).code).toBe(2);
    const answers = path.join(out, 'answers.csv');
    const a = await patuh(
      'export',
      'answers',
      '--cycle',
      '2022',
      '--format',
      'csv',
      '-o',
      answers,
      '--no-progress',
      '--json',
    );
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ rows: 0 });
    expect(readFileSync(answers, 'utf8')).toBe(
      'cycle,entity_code,entity_name,unit,indicator,respondent,value,synthetic\n',
    );
  });
});
