/**
 * Names as regional news, decrees and spreadsheets write them (issue 9, item 10),
 * resolved against the registry of a real database, for the cycle's year: a body
 * resolves to the one that existed in that year, and suggestions come from that year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadResolver, type Resolution } from '../../src/services/registry/registry.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';

let t: TestContext;
let resolver: Awaited<ReturnType<typeof loadResolver>>;
beforeAll(async () => {
  t = await createTestContext();
  resolver = await loadResolver(t.ctx);
});
afterAll(async () => t?.close());

const codeOf = (r: Resolution): string => {
  if (!r.ok) throw new Error(`${r.reason}: ${r.message}`);
  return r.entity.code;
};

describe('names as people write them', () => {
  it.each([
    ['Kementerian Hukum dan HAM', 2023, 'KEMENKUMHAM'],
    ['Hukum dan HAM', 2023, 'KEMENKUMHAM'],
    ['Kementerian Hukum dan Hak Asasi Manusia RI', 2022, 'KEMENKUMHAM'],
    ['Kementerian Desa PDTT', 2023, 'KEMENDESPDTT'],
    ['Kementerian Desa PDT', 2025, 'KEMENDESPDT'],
    ['Kementerian HAM', 2025, 'KEMENHAM'],
    ['Provinsi DI Yogyakarta', 2023, '34'],
    ['Provinsi D.I. Yogyakarta', 2023, '34'],
    ['DKI Jakarta', 2023, '31'],
    ['Prov. D.K.I. Jakarta', 2024, '31'],
    ['Pemkab Bekasi', 2022, '32.16'],
    ['Pemkot Kendari', 2022, '74.71'],
    ['Pemprov Bali', 2022, '51'],
    ['Tojo Una-Una', 2023, '72.09'],
    ['Kab. Tojo Una - Una', 2023, '72.09'],
    ['Pemkab Tojo Unauna', 2023, '72.09'],
  ])('%j in %i is %s', (name, year, code) => {
    expect(codeOf(resolver.resolveForCycle(name, year))).toBe(code);
  });

  it('refuses a split body after its last year, naming its successors', () => {
    const r = resolver.resolveForCycle('Kementerian Hukum dan HAM', 2025);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('ended');
    expect(r.message).toContain(
      'Kementerian Hukum, Kementerian Hak Asasi Manusia, Kementerian Imigrasi dan Pemasyarakatan',
    );
  });

  it('refuses a successor before its first year, naming the body of that year', () => {
    const r = resolver.resolveForCycle('Kementerian HAM', 2023);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('not-yet');
    expect(r.message).toBe(
      'Kementerian Hak Asasi Manusia exists from 2025; for the 2023 cycle use Kementerian Hukum dan Hak Asasi Manusia',
    );
  });

  it('suggests only bodies of the cycle year, most similar first', () => {
    const in2023 = resolver.resolveForCycle('Kementerian Hukum dan HAK', 2023);
    expect(in2023.ok).toBe(false);
    if (in2023.ok) return;
    expect(in2023.message).toMatch(/did you mean Kementerian Hukum dan Hak Asasi Manusia \(KEMENKUMHAM\)/);
    expect(in2023.message).not.toContain('KEMENKUM)');
    expect(in2023.message).not.toContain('KEMENHAM');
    const in2025 = resolver.resolveForCycle('Kementerian Hukum dan HAK', 2025);
    expect(in2025.ok).toBe(false);
    if (in2025.ok) return;
    expect(in2025.message).not.toContain('KEMENKUMHAM');
  });
});

describe('registry/region-aliases.json', () => {
  it('resolves every alias, with and without its level word, to its own regency or city', async () => {
    const { readFile } = await import('node:fs/promises');
    const file = JSON.parse(await readFile(new URL('../../registry/region-aliases.json', import.meta.url), 'utf8')) as {
      aliases: Record<string, { aliases: string[] }>;
    };
    const checked: string[] = [];
    for (const [code, { aliases }] of Object.entries(file.aliases)) {
      const level = code.slice(3, 4) === '7' ? 'Kota' : 'Kabupaten';
      for (const alias of aliases) {
        expect(codeOf(resolver.resolveForCycle(`${level} ${alias}`, 2023)), alias).toBe(code);
        expect(codeOf(resolver.resolveForCycle(alias, 2023)), alias).toBe(code);
        checked.push(alias);
      }
    }
    expect(checked.length).toBeGreaterThan(50);
  });
});
