import { describe, expect, it } from 'vitest';
import { verticalKindOf } from './kind.ts';

const kinds = [
  { kind: 'Polres', name: { id: 'Kepolisian Resor' } },
  { kind: 'Kantor Pertanahan', name: { id: 'Kantor Pertanahan' } },
  { kind: 'Imigrasi', name: { id: 'Kantor Imigrasi' } },
  { kind: 'Lapas', name: { id: 'Lembaga Pemasyarakatan' } },
];

describe('vertical offices by name', () => {
  it.each([
    ['Polres Kendari', 'Polres'],
    ['Kepolisian Resor Kota Bekasi', 'Polres'],
    ['Kantor Pertanahan Kota Kendari', 'Kantor Pertanahan'],
    ['Kantor Imigrasi Kelas I TPI Kendari', 'Imigrasi'],
    ['Lapas Kelas IIA Kendari', 'Lapas'],
    ['Dinas Kesehatan', null],
  ])('%s → %s', (name, kind) => {
    expect(verticalKindOf(name, kinds)).toBe(kind);
  });
});
