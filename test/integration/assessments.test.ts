/**
 * Assessments, not years (issue 9, item 2; ADR 0012): a year holds several
 * assessments; a year names one where that is unambiguous, a code always; an
 * official and a self-assessment answer to the same indicator of the same unit never
 * overwrite each other, and each scores from its own answers.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { loadCycle, resolveAssessment } from '../../src/services/cycles.ts';
import { importAnswers } from '../../src/services/imports/import-answers.ts';
import { createCycle } from '../../src/services/lifecycle/create-cycle.ts';
import { cycleResults } from '../../src/services/results/results.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';
import { failure } from '../helpers/errors.ts';
import { csvFile } from '../helpers/files.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await createCycle(t.ctx, SYSTEM, {
    year: 2030,
    code: '2030-pemda',
    edition: 'pemda-2023',
    bandScheme: 'categories-2022',
    levels: ['provinsi', 'kabupaten', 'kota'],
  });
  await createCycle(t.ctx, SYSTEM, {
    year: 2030,
    code: '2030-kementerian',
    edition: 'pemda-2022',
    bandScheme: 'categories-2022',
    levels: ['kementerian', 'lembaga'],
  });
  await createCycle(t.ctx, SYSTEM, {
    year: 2030,
    code: '2030-pemda-mandiri',
    edition: 'pemda-2023',
    bandScheme: 'categories-2022',
    levels: ['provinsi', 'kabupaten', 'kota'],
    track: 'self',
    parent: '2030-pemda',
  });
});
afterAll(async () => t?.close());

/** Every indicator of the edition answered `value` for one unit of Kota Bekasi. */
async function expectAppError(p: Promise<unknown>, code: string) {
  const e = await failure(p);
  expect(e.code).toBe(code);
  return e;
}

async function answersFile(code: string, value: number): Promise<string> {
  const cycle = await loadCycle(t.ctx, code);
  const rows = [['entity', 'unit', 'indicator', 'respondent', 'value']];
  for (const d of cycle.instrument?.dimensions ?? [])
    for (const v of d.variables)
      for (const i of v.indicators) {
        if (i.appliesTo && !i.appliesTo.includes('kota')) continue;
        const respondents = i.method.includes('interview') ? ['R1'] : [''];
        for (const r of respondents) rows.push(['Kota Bekasi', 'Disdukcapil Kota Bekasi', i.code, r, String(value)]);
      }
  return csvFile(rows);
}

describe('assessments', () => {
  it('name one assessment by code, and by year only where that is unambiguous', async () => {
    expect((await resolveAssessment(t.ctx, '2030-kementerian')).levels).toEqual(['kementerian', 'lembaga']);
    expect((await resolveAssessment(t.ctx, 2030, { level: 'kota' })).code).toBe('2030-pemda');
    expect((await resolveAssessment(t.ctx, 2030, { level: 'kementerian' })).code).toBe('2030-kementerian');
    expect((await resolveAssessment(t.ctx, 2022)).code).toBe('2022');
    const e = await expectAppError(resolveAssessment(t.ctx, 2030), 'AMBIGUOUS_ASSESSMENT');
    expect(e.message).toContain('2030-kementerian, 2030-pemda, 2030-pemda-mandiri');
    expect((e.details as { choices: unknown[] }).choices).toHaveLength(3);
    await expectAppError(resolveAssessment(t.ctx, '2031-x'), 'CYCLE_NOT_FOUND');
  });

  it('refuse a self-assessment without an official parent, and a taken code', async () => {
    await expectAppError(
      createCycle(t.ctx, SYSTEM, {
        year: 2030,
        code: '2030-x',
        edition: 'pemda-2023',
        bandScheme: 'categories-2022',
        track: 'self',
      }),
      'VALIDATION_FAILED',
    );
    await expectAppError(
      createCycle(t.ctx, SYSTEM, {
        year: 2030,
        code: '2030-pemda',
        edition: 'pemda-2023',
        bandScheme: 'categories-2022',
      }),
      'CONFLICT',
    );
  });

  it('keep official and self-assessment answers to the same unit apart, each scored from its own', async () => {
    await importAnswers(t.ctx, await answersFile('2030-pemda', 3), '2030-pemda');
    await importAnswers(t.ctx, await answersFile('2030-pemda-mandiri', 1), '2030-pemda-mandiri');
    // the official answers again: the self-assessment's stay
    await importAnswers(t.ctx, await answersFile('2030-pemda', 3), '2030-pemda');
    const counts = (
      await sql<{ code: string; n: number; units: number }>`
        select c.code, count(*)::int as n, count(distinct a.unit_id)::int as units from answers a
        join cycles c on c.id = a.cycle_id where c.year = 2030 group by c.code order by c.code`.execute(t.ctx.db)
    ).rows;
    expect(counts).toHaveLength(2);
    expect(counts[0]?.n).toBe(counts[1]?.n);
    // one unit, the official's, answered by both
    const units = await sql<{ n: number }>`select count(*)::int as n from units u join cycles c on c.id = u.cycle_id
      where c.year = 2030`.execute(t.ctx.db);
    expect(units.rows[0]?.n).toBe(1);
    const official = await cycleResults(t.ctx, '2030-pemda', { entity: 'Kota Bekasi' });
    const self = await cycleResults(t.ctx, '2030-pemda-mandiri', { entity: 'Kota Bekasi' });
    expect(official.results[0]?.score).toBe(100);
    expect(self.results[0]?.score).toBeCloseTo(100 / 3, 1);
  });

  it('take a ministry edition and a Pemda edition in the same year, each with its own instrument', async () => {
    const pemda = await loadCycle(t.ctx, 2030, { level: 'kabupaten' });
    const ministry = await loadCycle(t.ctx, 2030, { level: 'lembaga' });
    expect([pemda.instrument?.edition, ministry.instrument?.edition]).toEqual(['pemda-2023', 'pemda-2022']);
    expect((await cycleResults(t.ctx, '2030-kementerian')).results).toEqual([]);
  });
});
