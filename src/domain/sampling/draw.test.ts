import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Candidate,
  canonicalCandidates,
  drawSample,
  SAMPLING_ALGORITHM,
  type SampleInput,
  type SamplingRule,
  sameCandidates,
} from './draw.ts';

const RULE: SamplingRule = {
  unitKinds: [
    { kind: 'DPMPTSP', count: 1 },
    { kind: 'Disdukcapil', count: 1 },
    { kind: 'Dinas Kesehatan', count: 1 },
    { kind: 'Dinas Sosial', count: 1 },
    { kind: 'Dinas Pendidikan', count: 1 },
    { kind: 'Puskesmas', count: 2 },
  ],
  productsPerUnit: 2,
  serviceUsersPerUnit: 3,
};

const CANDIDATES: Candidate[] = [
  { name: 'DPMPTSP Kota Kendari', kind: 'DPMPTSP', products: ['Izin Usaha', 'PBG', 'Izin Reklame', 'SIP Dokter'] },
  { name: 'Disdukcapil Kota Kendari', kind: 'Disdukcapil', products: ['KTP-el', 'Kartu Keluarga', 'Akta Kelahiran'] },
  { name: 'Dinas Kesehatan Kota Kendari', kind: 'Dinas Kesehatan', products: ['Izin Apotek', 'Izin Klinik'] },
  { name: 'Dinas Sosial Kota Kendari', kind: 'Dinas Sosial', products: ['DTKS', 'Rekomendasi PBI', 'SKTM'] },
  { name: 'Dinas Pendidikan Kota Kendari', kind: 'Dinas Pendidikan', products: ['Legalisir Ijazah', 'Izin PAUD'] },
  ...['Puuwatu', 'Mandonga', 'Poasia', 'Abeli', 'Kandai', 'Lepo-Lepo'].map((p) => ({
    name: `Puskesmas ${p}`,
    kind: 'Puskesmas',
    products: ['Rawat Jalan', 'Imunisasi', 'KIA', 'Laboratorium'],
  })),
];

const input = (over: Partial<SampleInput> = {}): SampleInput => ({
  seed: 'kendari-2025',
  entityCode: '74.71',
  rule: RULE,
  candidates: CANDIDATES,
  ...over,
});

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const a = items.slice();
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

function chiSquare(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
}

describe('drawSample', () => {
  it('draws the rule: one unit per OPD kind, two puskesmas, two products each, N respondent slots', () => {
    const r = drawSample(input());
    expect(r.algorithm).toBe(SAMPLING_ALGORITHM);
    expect(r.units.map((u) => u.kind)).toEqual([
      'DPMPTSP',
      'Disdukcapil',
      'Dinas Kesehatan',
      'Dinas Sosial',
      'Dinas Pendidikan',
      'Puskesmas',
      'Puskesmas',
    ]);
    expect(r.shortfalls).toEqual([]);
    const puskesmas = r.units.filter((u) => u.kind === 'Puskesmas').map((u) => u.name);
    expect(new Set(puskesmas).size).toBe(2);
    for (const u of r.units) {
      const candidate = CANDIDATES.find((c) => c.name === u.name);
      expect(candidate).toBeDefined();
      expect(u.products).toHaveLength(2);
      expect(new Set(u.products).size).toBe(2);
      for (const p of u.products) expect(candidate?.products).toContain(p);
      expect(u.respondents).toEqual([
        { slot: 'U1', product: u.products[0] },
        { slot: 'U2', product: u.products[1] },
        { slot: 'U3', product: u.products[0] },
      ]);
    }
  });

  it('gives the same sample for the same input, and pins one draw', () => {
    expect(drawSample(input())).toEqual(drawSample(input()));
    // recomputable by hand: docs/sampling.md, "Reproducing a draw by hand"
    const r = drawSample(input());
    expect(r.units.filter((u) => u.kind === 'Puskesmas').map((u) => [u.name, u.products])).toMatchInlineSnapshot(`
      [
        [
          "Puskesmas Mandonga",
          [
            "KIA",
            "Rawat Jalan",
          ],
        ],
        [
          "Puskesmas Lepo-Lepo",
          [
            "Imunisasi",
            "Laboratorium",
          ],
        ],
      ]
    `);
  });

  it('does not depend on the order of candidates and products, nor on spacing and case of names', () => {
    const base = drawSample(input());
    for (let seed = 1; seed <= 20; seed++) {
      const candidates = shuffled(CANDIDATES, seed).map((c) => ({ ...c, products: shuffled(c.products, seed + 7) }));
      expect(drawSample(input({ candidates }))).toEqual(base);
    }
    const respaced = CANDIDATES.map((c) => ({ ...c, name: `  ${c.name.replace(' ', '   ')} ` }));
    expect(drawSample(input({ candidates: respaced })).units.map((u) => u.name)).toEqual(base.units.map((u) => u.name));
  });

  it('is order-independent for any candidate list (property)', () => {
    const names = fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,12}[A-Za-z]$/), {
      minLength: 1,
      maxLength: 12,
      selector: (s) => s.replace(/\s+/g, ' ').toLowerCase(),
    });
    fc.assert(
      fc.property(names, fc.string({ minLength: 1 }), fc.integer({ min: 1, max: 1000 }), (list, seed, perm) => {
        const candidates = list.map((name, i) => ({
          name,
          kind: i % 2 ? 'Puskesmas' : 'Disdukcapil',
          products: ['A', 'B', 'C'],
        }));
        const a = drawSample(input({ seed, candidates }));
        const b = drawSample(input({ seed, candidates: shuffled(candidates, perm) }));
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it('changes with the seed and the entity', () => {
    const names = (s: SampleInput) =>
      drawSample(s)
        .units.map((u) => `${u.name}:${u.products.join('+')}`)
        .join('|');
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) seen.add(names(input({ seed: `s${i}` })));
    expect(seen.size).toBeGreaterThan(5);
    expect(names(input({ entityCode: '74.72' }))).not.toBe(names(input()));
  });

  it('draws a kind from its own stream: other kinds do not move when one kind gains a candidate', () => {
    const base = drawSample(input());
    const more = drawSample(
      input({ candidates: [...CANDIDATES, { name: 'Puskesmas Baru', kind: 'Puskesmas', products: ['KIA'] }] }),
    );
    expect(more.units.filter((u) => u.kind !== 'Puskesmas')).toEqual(base.units.filter((u) => u.kind !== 'Puskesmas'));
  });

  it('chooses each pair of puskesmas about equally often over many seeds (chi-square, 14 degrees of freedom)', () => {
    const rule: SamplingRule = {
      unitKinds: [{ kind: 'Puskesmas', count: 2 }],
      productsPerUnit: 0,
      serviceUsersPerUnit: 0,
    };
    const candidates = CANDIDATES.filter((c) => c.kind === 'Puskesmas');
    const counts = new Map<string, number>();
    for (let i = 0; i < 15_000; i++) {
      const pair = drawSample(input({ seed: `seed-${i}`, rule, candidates }))
        .units.map((u) => u.name)
        .sort()
        .join('+');
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
    expect(counts.size).toBe(15);
    // 36.12 is the 0.999 quantile of chi-square with 14 degrees of freedom
    expect(chiSquare([...counts.values()])).toBeLessThan(36.12);
  });

  it('chooses each pair of products about equally often over many seeds (chi-square, 5 degrees of freedom)', () => {
    const rule: SamplingRule = {
      unitKinds: [{ kind: 'DPMPTSP', count: 1 }],
      productsPerUnit: 2,
      serviceUsersPerUnit: 0,
    };
    const candidates = CANDIDATES.filter((c) => c.kind === 'DPMPTSP');
    const counts = new Map<string, number>();
    for (let i = 0; i < 6_000; i++) {
      const pair = (drawSample(input({ seed: `p${i}`, rule, candidates })).units[0]?.products ?? []).sort().join('+');
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // 20.52 is the 0.999 quantile of chi-square with 5 degrees of freedom
    expect(chiSquare([...counts.values()])).toBeLessThan(20.52);
  });

  it('takes everything and reports a shortfall when a kind has too few units or a unit too few products', () => {
    const candidates: Candidate[] = [
      { name: 'Puskesmas Abeli', kind: 'puskesmas', products: ['KIA'] },
      { name: 'Disdukcapil', kind: 'Disdukcapil', products: [] },
    ];
    const r = drawSample(input({ candidates }));
    expect(r.units).toEqual([
      {
        kind: 'Disdukcapil',
        name: 'Disdukcapil',
        products: [],
        respondents: [
          { slot: 'U1', product: null },
          { slot: 'U2', product: null },
          { slot: 'U3', product: null },
        ],
      },
      {
        kind: 'Puskesmas',
        name: 'Puskesmas Abeli',
        products: ['KIA'],
        respondents: [
          { slot: 'U1', product: 'KIA' },
          { slot: 'U2', product: 'KIA' },
          { slot: 'U3', product: 'KIA' },
        ],
      },
    ]);
    expect(r.shortfalls).toEqual([
      { kind: 'DPMPTSP', unit: null, required: 1, available: 0 },
      { kind: 'Disdukcapil', unit: 'Disdukcapil', required: 2, available: 0 },
      { kind: 'Dinas Kesehatan', unit: null, required: 1, available: 0 },
      { kind: 'Dinas Sosial', unit: null, required: 1, available: 0 },
      { kind: 'Dinas Pendidikan', unit: null, required: 1, available: 0 },
      { kind: 'Puskesmas', unit: null, required: 2, available: 1 },
      { kind: 'Puskesmas', unit: 'Puskesmas Abeli', required: 2, available: 1 },
    ]);
  });

  it('never draws more products than a unit has, nor units of kinds outside the rule', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 5 }), fc.string(), (k, per, seed) => {
        const products = ['A', 'B', 'C', 'D', 'E'].slice(0, k);
        const candidates = [
          { name: 'U1', kind: 'Puskesmas', products },
          { name: 'U2', kind: 'RSUD', products },
        ];
        const rule = { unitKinds: [{ kind: 'Puskesmas', count: 1 }], productsPerUnit: per, serviceUsersPerUnit: 1 };
        const r = drawSample(input({ seed: `x${seed}`, rule, candidates }));
        expect(r.units.map((u) => u.name)).toEqual(['U1']);
        expect(r.units[0]?.products).toHaveLength(Math.min(k, per));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses input that the services must have rejected already', () => {
    expect(() => drawSample(input({ seed: '' }))).toThrow(/seed/);
    const twice = [...CANDIDATES, { name: 'disdukcapil  kota kendari', kind: 'Disdukcapil', products: [] }];
    expect(() => drawSample(input({ candidates: twice }))).toThrow(/twice/);
    const product = [{ name: 'X', kind: 'DPMPTSP', products: ['PBG', 'pbg'] }];
    expect(() => drawSample(input({ candidates: product }))).toThrow(/twice/);
  });
});

describe('canonicalCandidates', () => {
  it('sorts units and products by key and tidies names', () => {
    expect(
      canonicalCandidates([
        { name: ' Puskesmas  B ', kind: 'Puskesmas', products: ['b', 'A'] },
        { name: 'puskesmas a', kind: ' Puskesmas', products: [] },
      ]),
    ).toEqual([
      { name: 'puskesmas a', kind: 'Puskesmas', products: [] },
      { name: 'Puskesmas B', kind: 'Puskesmas', products: ['A', 'b'] },
    ]);
    expect(sameCandidates(CANDIDATES, shuffled(CANDIDATES, 3))).toBe(true);
    expect(sameCandidates(CANDIDATES, CANDIDATES.slice(1))).toBe(false);
  });
});
