import { describe, expect, it } from 'vitest';
import { decideQualifier, isIsoDate, referenceDateOf, type SupervisionProduct } from './qualifier.ts';

const p = (over: Partial<SupervisionProduct>): SupervisionProduct => ({
  kind: 'lahp',
  number: 'LAHP-1',
  issuedOn: '2026-02-01',
  dueOn: '2026-06-30',
  status: 'selesai',
  ...over,
});

describe('Tanpa Maladministrasi', () => {
  const ref = '2026-12-31';
  it('is granted when every due product has been carried out', () => {
    const d = decideQualifier([p({}), p({ kind: 'rekomendasi', number: 'R-2', status: 'selesai' })], ref);
    expect(d).toMatchObject({ granted: true, due: 2, outstanding: [] });
  });
  it('is not granted when one due product is still in progress or not started', () => {
    const d = decideQualifier([p({}), p({ number: 'LHA-9', kind: 'lha', status: 'proses' })], ref);
    expect(d.granted).toBe(false);
    expect(d.outstanding.map((o) => o.number)).toEqual(['LHA-9']);
    expect(decideQualifier([p({ status: 'belum' })], ref).granted).toBe(false);
  });
  it('ignores a product due after the reference date, and one due on it counts', () => {
    expect(decideQualifier([p({ dueOn: '2027-01-01', status: 'belum' })], ref)).toMatchObject({
      granted: true,
      due: 0,
    });
    expect(decideQualifier([p({ dueOn: ref, status: 'proses' })], ref).granted).toBe(false);
  });
  it('grants it when nothing is due', () => {
    expect(decideQualifier([], ref).granted).toBe(true);
  });
  it('takes the cycle reference date before the edition day', () => {
    expect(referenceDateOf(2026, { month: 12, day: 31 })).toBe('2026-12-31');
    expect(referenceDateOf(2026, { month: 3, day: 1 })).toBe('2026-03-01');
    expect(referenceDateOf(2026, { month: 12, day: 31 }, '2026-10-15')).toBe('2026-10-15');
  });
  it('knows a calendar date', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('28/02/2026')).toBe(false);
  });
});

describe('the register as people write it', () => {
  it('reads kinds, statuses and dates', async () => {
    const { parseProductKind, parseProductStatus, parseRegisterDate, checkProduct } = await import('./qualifier.ts');
    expect(parseProductKind('Tindakan Korektif')).toBe('lahp');
    expect(parseProductKind('LHA')).toBe('lha');
    expect(parseProductKind('Saran  Penyempurnaan')).toBe('saran_penyempurnaan');
    expect(parseProductKind('Rekomendasi')).toBe('rekomendasi');
    expect(parseProductKind('Teguran')).toBeNull();
    expect(parseProductStatus('Selesai')).toBe('selesai');
    expect(parseProductStatus('done')).toBeNull();
    expect(parseRegisterDate('31/03/2026')).toBe('2026-03-31');
    expect(parseRegisterDate('2026-03-31')).toBe('2026-03-31');
    expect(parseRegisterDate('31/02/2026')).toBeNull();
    expect(parseRegisterDate('2026-03-31T00:00:00.000Z')).toBe('2026-03-31');
    expect(parseRegisterDate('2026-03-31T10:00:00.000Z')).toBeNull();
    expect(checkProduct({ ...p({ dueOn: '2026-01-01' }), evidenceHashes: ['abc'] })).toHaveLength(2);
  });
});
