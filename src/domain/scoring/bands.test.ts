import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBandScheme } from '../instrument/schema.ts';
import { bandFor, zoneRanges } from './bands.ts';

function scheme(name: string) {
  const parsed = parseBandScheme(
    JSON.parse(readFileSync(new URL(`../../../instruments/bands/${name}.json`, import.meta.url), 'utf8')),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

describe('bandFor categories-2022', () => {
  const s = scheme('categories-2022');
  it.each([
    [100, 'A', 'Kualitas Tertinggi', 'hijau'],
    [88, 'A', 'Kualitas Tertinggi', 'hijau'],
    [87.994, 'B', 'Kualitas Tinggi', 'hijau'],
    [87.995, 'A', 'Kualitas Tertinggi', 'hijau'],
    [83.18, 'B', 'Kualitas Tinggi', 'hijau'],
    [77.995, 'B', 'Kualitas Tinggi', 'hijau'],
    [77.994, 'C', 'Kualitas Sedang', 'kuning'],
    [58.99, 'C', 'Kualitas Sedang', 'kuning'],
    [55, 'C', 'Kualitas Sedang', 'kuning'],
    [54.99, 'C', 'Kualitas Sedang', 'kuning'],
    [54.11, 'C', 'Kualitas Sedang', 'kuning'],
    [54, 'C', 'Kualitas Sedang', 'kuning'],
    [53.995, 'C', 'Kualitas Sedang', 'kuning'],
    [53.994, 'D', 'Kualitas Rendah', 'merah'],
    [53.99, 'D', 'Kualitas Rendah', 'merah'],
    [31.995, 'D', 'Kualitas Rendah', 'merah'],
    [31.994, 'E', 'Kualitas Terendah', 'merah'],
    [0, 'E', 'Kualitas Terendah', 'merah'],
  ])('%d → %s', (score, category, opinion, zone) => {
    const b = bandFor(s, score);
    expect([b.category, b.opinion.id, b.zone]).toEqual([category, opinion, zone]);
  });
  it('reports the rounded score', () => {
    expect(bandFor(s, 77.995).rounded).toBe(78);
    expect(bandFor(s, 87.994).rounded).toBe(87.99);
    expect(bandFor(s, 31.995).rounded).toBe(32);
  });
  it('puts the C/D boundary at 54.00 (corrected December 2026, ADR 0010)', () => {
    expect(bandFor(s, 53.995)).toMatchObject({ rounded: 54, category: 'C', zone: 'kuning' });
    expect(bandFor(s, 53.994)).toMatchObject({ rounded: 53.99, category: 'D', zone: 'merah' });
  });
  it('bands a perfect score that floating point put a hair above 100', () => {
    expect(bandFor(s, 100.00000000000001)).toMatchObject({ rounded: 100, category: 'A' });
  });
  it('rejects a score outside 0..100', () => {
    expect(() => bandFor(s, 100.5)).toThrow(RangeError);
    expect(() => bandFor(s, Number.NaN)).toThrow(RangeError);
  });
});

describe('bandFor zones-2021', () => {
  const s = scheme('zones-2021');
  it.each([
    [81, 'hijau'],
    [80.995, 'hijau'],
    [80.994, 'kuning'],
    [51, 'kuning'],
    [50.99, 'merah'],
  ])('%d → %s', (score, zone) => {
    const b = bandFor(s, score);
    expect(b.zone).toBe(zone);
    expect(b.category).toBeNull();
  });
});

describe('zoneRanges', () => {
  it('gives each zone its range, best first, each ending just below the next', () => {
    expect(zoneRanges(scheme('zones-2021'))).toEqual([
      { zone: 'hijau', from: 81, to: null },
      { zone: 'kuning', from: 51, to: 80.99 },
      { zone: 'merah', from: 0, to: 50.99 },
    ]);
  });
  it('joins the bands of one zone (categories A and B are both green)', () => {
    const zones = zoneRanges(scheme('categories-2022')).map((r) => r.zone);
    expect(zones).toEqual(['hijau', 'kuning', 'merah']);
  });
});
