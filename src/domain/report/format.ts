/** How numbers, levels, zones and dates read in Indonesian reports. */
import type { Level, Zone } from '../instrument/schema.ts';
import { formatScore } from '../scoring/rounding.ts';

export { formatScore };

/** A score or "–" when there is none. */
export function formatMaybe(value: number | null): string {
  return value === null ? '–' : formatScore(value, 'id');
}

/** A change in hundredths as a signed Indonesian number: "+3,13", "-2,50", "0,00". */
export function formatChange(hundredths: number): string {
  const sign = hundredths > 0 ? '+' : hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

export function describeChange(hundredths: number): string {
  if (hundredths > 0) return `naik ${formatChange(hundredths).slice(1)} poin`;
  if (hundredths < 0) return `turun ${formatChange(hundredths).slice(1)} poin`;
  return 'tetap';
}

export const LEVEL_LABEL: Record<Level, string> = {
  provinsi: 'Pemerintah Provinsi',
  kabupaten: 'Pemerintah Kabupaten',
  kota: 'Pemerintah Kota',
  kementerian: 'Kementerian',
  lembaga: 'Lembaga',
};

/** The plural used in "peringkat 12 dari 98 kota". */
export const LEVEL_PLURAL: Record<Level, string> = {
  provinsi: 'provinsi',
  kabupaten: 'kabupaten',
  kota: 'kota',
  kementerian: 'kementerian',
  lembaga: 'lembaga',
};

/** A cycle's status as a card names it (statuses other than these are shown as they are). */
export const CYCLE_STATUS_LABEL: Record<string, string> = {
  draft: 'perencanaan',
  fieldwork: 'penilaian lapangan',
  review: 'verifikasi',
  final: 'final, belum dipublikasikan',
};

export const ZONE_LABEL: Record<Zone, string> = { hijau: 'Zona Hijau', kuning: 'Zona Kuning', merah: 'Zona Merah' };

/** Badge colours: background and text. */
export const ZONE_COLOUR: Record<Zone, { fill: string; text: string }> = {
  hijau: { fill: '#2e7d32', text: '#ffffff' },
  kuning: { fill: '#f9a825', text: '#212121' },
  merah: { fill: '#c62828', text: '#ffffff' },
};

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** "23 November 2026" (the UTC date). */
export function formatDate(d: Date): string {
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** A file-name-safe slug: "Kota Bekasi" → "kota-bekasi". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The base of an entity's report file names: code and slug, e.g. "32.75-kota-bekasi". */
export function entityFileBase(entity: { code: string; name: string }): string {
  const code = entity.code.replace(/[^A-Za-z0-9.-]+/g, '-');
  return `${code}-${slugify(entity.name)}`;
}
