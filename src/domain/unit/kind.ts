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

/**
 * The vertical-office kind of a unit (Polres, Kantor Pertanahan, Imigrasi, Lapas,
 * Rutan, Bapas: edition data, verticalOffices.kinds) from its name: the first kind the
 * name starts with, or names as a word ("Kantor Imigrasi Kelas I Kendari" → Imigrasi);
 * null when it is not a vertical office. A unit belongs only to its parent body.
 */
export function verticalKindOf(
  name: string,
  kinds: ReadonlyArray<{ kind: string; name: { id: string } }>,
): string | null {
  const n = name.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const k of kinds) {
    const words = [k.kind, k.name.id].map((w) => w.toLowerCase());
    if (words.some((w) => n.startsWith(`${w} `) || n === w || new RegExp(`\\b${w}\\b`).test(n))) return k.kind;
  }
  return null;
}
