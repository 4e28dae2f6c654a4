import { describe, expect, it } from 'vitest';
import { testInstrument } from '../scoring/fixtures.test-util.ts';
import { checkSheet } from './check-sheet.ts';
import { canonicalContent, normalizeItems, packItems, unpackItems } from './submission.ts';

const item = (indicator: string, value: number | null = 2) => ({ indicator, value });

describe('checking a sheet against the instrument', () => {
  it('accepts answers of the sheet’s kind, on the scale or not applicable', () => {
    const items = [item('PR.STD.01'), item('PR.STD.02', null), item('IN.SAR.01', 3)];
    expect(checkSheet(testInstrument, 'kota', { kind: 'observation', respondent: '', items })).toEqual([]);
  });

  it('names every problem with its path', () => {
    const problems = checkSheet(testInstrument, 'kota', {
      kind: 'observation',
      respondent: '',
      items: [item('PR.STD.01'), item('PR.STD.01'), item('XX.YY.01'), item('IN.KOM.01'), item('PR.STD.02', 4)],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'items[1].indicator',
      'items[2].indicator',
      'items[3].indicator',
      'items[4].value',
    ]);
    expect(problems[2]?.message).toContain('official_interview');
  });

  it('needs a respondent for an interview', () => {
    const sheet = { kind: 'official_interview' as const, respondent: '', items: [item('IN.KOM.01')] };
    expect(checkSheet(testInstrument, 'kota', sheet).map((p) => p.path)).toEqual(['respondent']);
  });

  it('leaves out indicators that do not apply to the entity’s level', () => {
    const inst = structuredClone(testInstrument);
    const first = inst.dimensions[1]?.variables[0]?.indicators[0];
    if (first) first.appliesTo = ['kementerian'];
    const problems = checkSheet(inst, 'kota', { kind: 'observation', respondent: '', items: [item('PR.STD.01')] });
    expect(problems[0]?.message).toContain('does not apply');
  });

  it('gives the same canonical content whatever the order of items and evidence', () => {
    const a = normalizeItems([
      { indicator: 'B', value: 1, evidence: ['BB', 'aa'] },
      { indicator: 'A', value: null, note: '  ' },
    ]);
    const b = normalizeItems([
      { indicator: 'A', value: null },
      { indicator: 'B', value: 1, evidence: ['aa', 'bb'], note: '' },
    ]);
    const c = (items: typeof a) => canonicalContent({ unitId: 1, kind: 'observation', respondent: '', items });
    expect(c(a)).toBe(c(b));
    expect(c(a)).not.toBe(c(normalizeItems([{ indicator: 'A', value: 0 }])));
  });

  it('packs items for storage and unpacks them unchanged', () => {
    const items = normalizeItems([
      { indicator: 'A', value: 1 },
      { indicator: 'B', value: null, note: 'tutup' },
      { indicator: 'C', value: 3, evidence: ['ab'] },
    ]);
    expect(packItems(items)).toEqual([
      ['A', 1],
      ['B', null, 'tutup'],
      ['C', 3, null, ['ab']],
    ]);
    expect(unpackItems(packItems(items))).toEqual(items);
  });
});
