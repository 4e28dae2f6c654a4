/**
 * The kind of a service unit, inferred from its name when an import does not say:
 * puskesmas, an OPD of a local government (dinas, badan, DPMPTSP, …), or a
 * ministry's or agency's work unit. A guess that staff can correct; never scored.
 */
import type { Level } from '../instrument/schema.ts';

export type UnitKind = 'puskesmas' | 'rsud' | 'opd' | 'kecamatan' | 'kelurahan' | 'unit_kerja';

export function inferUnitKind(name: string, level: Level): UnitKind {
  const n = name.toLowerCase();
  if (/\bpuskesmas\b/.test(n)) return 'puskesmas';
  if (/\b(rsud|rumah sakit)\b/.test(n)) return 'rsud';
  if (/\bkecamatan\b/.test(n)) return 'kecamatan';
  if (/\b(kelurahan|desa)\b/.test(n)) return 'kelurahan';
  if (level === 'kementerian' || level === 'lembaga') return 'unit_kerja';
  return 'opd';
}
