import { describe, expect, it } from 'vitest';
import { inferUnitKind } from './kind.ts';

describe('inferUnitKind', () => {
  it.each([
    ['Puskesmas Karang Kitri', 'kota', 'puskesmas'],
    ['DPMPTSP', 'kota', 'opd'],
    ['Dinas Kependudukan dan Catatan Sipil', 'kabupaten', 'opd'],
    ['RSUD Kota Bekasi', 'kota', 'rsud'],
    ['Kecamatan Bekasi Barat', 'kota', 'kecamatan'],
    ['Kelurahan Jatibening', 'kota', 'kelurahan'],
    ['Direktorat Jenderal Imigrasi', 'kementerian', 'unit_kerja'],
  ] as const)('%s (%s) → %s', (name, level, kind) => {
    expect(inferUnitKind(name, level)).toBe(kind);
  });
});
