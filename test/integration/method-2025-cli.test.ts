/**
 * The 2025 method at the command line: a 2026 cycle on maladministrasi-2025, answers,
 * public trust and products imported by `patuh`, then `patuh results --json` shows the
 * parts, the opinion and the qualifier; `patuh award hold` withholds the certificate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { defaultCatalog } from '../../src/services/instrument-catalog.ts';
import { createCycle } from '../../src/services/lifecycle/create-cycle.ts';
import { cliWorkspace } from '../helpers/cli.ts';
import { csvFile } from '../helpers/files.ts';

const cli = cliWorkspace('method2025');
const { patuh } = cli;

beforeAll(async () => {
  await cli.setUp();
  expect((await patuh('migrate')).code).toBe(0);
  await cli.withDatabase((_db, ctx) =>
    createCycle(ctx, SYSTEM, {
      year: 2026,
      edition: 'maladministrasi-2025',
      bandScheme: 'opini-2025',
    }),
  );
});
afterAll(() => cli.tearDown());

describe('patuh on maladministrasi-2025', () => {
  it('imports answers, trust and products and prints the parts, opinion and qualifier', async () => {
    const edition = defaultCatalog().editions.get('maladministrasi-2025');
    const rows: string[][] = [['entity', 'unit', 'indicator', 'respondent', 'value']];
    for (const d of edition?.dimensions ?? [])
      for (const v of d.variables)
        for (const i of v.indicators)
          rows.push(['Kota Kendari', 'Dinas Kesehatan', i.code, i.method.endsWith('interview') ? 'R1' : '', '3']);
    expect((await patuh('import', 'answers', csvFile(rows), '--cycle', '2026', '--no-progress')).code).toBe(0);
    const trust = csvFile([
      ['entity', 'trust_score'],
      ['Kota Kendari', '80'],
    ]);
    expect((await patuh('import', 'trust', trust, '--cycle', '2026', '--no-progress')).code).toBe(0);
    const products = csvFile([
      ['entity', 'kind', 'number', 'issued_on', 'due_on', 'status'],
      ['Kota Kendari', 'LHA', 'LHA-7/2026', '2026-01-05', '2026-04-05', 'belum'],
    ]);
    expect((await patuh('products', 'import', products)).code).toBe(0);

    const r = await patuh('results', '--cycle', '2026', '--json');
    expect(r.code).toBe(0);
    const [kendari] = JSON.parse(r.stdout);
    // 0.7 × 100 + 0.3 × 80 = 94.00
    expect(kendari).toMatchObject({
      score: 94,
      opinion: 'Kualitas Tertinggi',
      quality: 'Baik',
      zone: null,
      parts: [
        { code: 'KUALITAS', weight: 70, score: 100 },
        { code: 'KEPERCAYAAN', weight: 30, score: 80 },
      ],
      qualifier: { text: 'Tanpa Maladministrasi', granted: false, outstanding: [{ number: 'LHA-7/2026' }] },
      award: { eligible: true, withheld: null },
    });

    const list = JSON.parse((await patuh('products', 'list', '--entity', 'Kota Kendari', '--json')).stdout);
    const update = await patuh(
      'products',
      'update',
      String(list[0].id),
      '--entity',
      'Kota Kendari',
      '--kind',
      'lha',
      '--number',
      'LHA-7/2026',
      '--issued',
      '2026-01-05',
      '--due',
      '2026-04-05',
      '--status',
      'selesai',
    );
    expect(update.code).toBe(0);
    const [after] = JSON.parse((await patuh('results', '--cycle', '2026', '--json')).stdout);
    expect(after).toMatchObject({ score: 94, opinion: 'Kualitas Tertinggi Tanpa Maladministrasi' });
  });

  it('withholds and releases the award, and refuses a hold without a reason', async () => {
    const hold = ['award', 'hold', '--cycle', '2026', '--entity', 'Kota Kendari'];
    expect((await patuh(...hold, '--reason', ' ')).code).toBe(2);
    expect((await patuh(...hold, '--reason', 'LHA-7/2026 belum dilaksanakan')).code).toBe(0);
    const [held] = JSON.parse((await patuh('results', '--cycle', '2026', '--json')).stdout);
    expect(held.award.withheld.reason).toBe('LHA-7/2026 belum dilaksanakan');
    expect(held.score).toBe(94);
    expect((await patuh('award', 'release', '--cycle', '2026', '--entity', 'Kota Kendari')).code).toBe(0);
    expect((await patuh('audit', 'verify')).code).toBe(0);
  });
});
