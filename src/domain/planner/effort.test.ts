import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInstrument } from '../instrument/schema.ts';
import { effortOf, parseEffortTable } from './effort.ts';

const read = (p: string) => JSON.parse(readFileSync(new URL(`../../../instruments/${p}`, import.meta.url), 'utf8'));

describe('effort tables (instrument data)', () => {
  for (const edition of ['pemda-2022', 'pemda-2023', 'maladministrasi-2025']) {
    it(`${edition}: parses against its edition and is marked inferred`, () => {
      const parsed = parseInstrument(read(`editions/${edition}.json`));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      const table = parseEffortTable(read(`efforts/${edition}.json`), parsed.value);
      expect(table.inferred).toBe(true);
      const first = parsed.value.dimensions[0]?.variables[0]?.indicators[0]?.code as string;
      expect(effortOf(table, parsed.value, first).source).toBe('instrument');
      expect(effortOf(table, parsed.value, first, { [first]: { kind: 'facility', cost: 7 } })).toEqual({
        kind: 'facility',
        cost: 7,
        source: 'entity',
      });
    });
  }

  it('rejects a table naming a code its edition lacks, or a cost that is not a positive whole number', () => {
    const parsed = parseInstrument(read('editions/pemda-2022.json'));
    if (!parsed.ok) throw new Error('edition');
    const table = read('efforts/pemda-2022.json');
    expect(() =>
      parseEffortTable({ ...table, byVariable: { NOPE: { kind: 'document', cost: 1 } } }, parsed.value),
    ).toThrow(/unknown variable NOPE/);
    expect(() => parseEffortTable({ ...table, default: { kind: 'document', cost: 1.5 } }, parsed.value)).toThrow();
    expect(() => parseEffortTable({ ...table, edition: 'pemda-2023' }, parsed.value)).toThrow(/not pemda-2022/);
  });
});
