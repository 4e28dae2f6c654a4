import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../sampling/sha256.ts';
import { canonicalEntry, canonicalEntryParts, canonicalJson, GENESIS_HASH, type Json, jsonValue } from './chain.ts';

const entry = {
  seq: 7,
  at: new Date('2025-03-01T02:03:04.005Z'),
  actor: 'user:12',
  action: 'unit.rename',
  subject: 'unit:431',
  before: { name: 'Dinas A', kind: null },
  after: { name: 'Dinas Ä "B"', kind: 'OPD', list: [1, 0.5, 1e21, -0, true] },
};

describe('canonical JSON (RFC 8785 for audit values)', () => {
  it('sorts keys, drops whitespace, writes numbers as JavaScript does', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }], '': 2 })).toBe('{"":2,"a":[{"c":"x","d":null}],"b":1}');
    expect(canonicalJson([1e21, 1e-7, 0.1, -0, 10])).toBe('[1e+21,1e-7,0.1,0,10]');
    expect(canonicalJson('é\n"\\')).toBe('"é\\n\\"\\\\"');
  });

  it('sorts keys by UTF-16 code units (RFC 8785), not by code points', () => {
    // U+1F600 is a surrogate pair starting 0xD83D, which sorts before U+FFFD
    expect(canonicalJson({ '\uFFFD': 1, '\u{1F600}': 2 })).toBe('{"\u{1F600}":2,"\uFFFD":1}');
  });

  it('is the same for a value and its jsonb read-back, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const stored = jsonValue(v);
        const readBack = JSON.parse(JSON.stringify(stored)) as Json;
        expect(canonicalJson(readBack)).toBe(canonicalJson(stored));
      }),
    );
  });

  it('treats undefined as null and dates as ISO strings', () => {
    expect(jsonValue(undefined)).toBeNull();
    expect(jsonValue({ a: undefined, b: new Date('2025-01-01T00:00:00Z') })).toEqual({ b: '2025-01-01T00:00:00.000Z' });
  });
});

describe('an entry', () => {
  it('hashes a fixed text (docs/audit.md)', () => {
    const text = canonicalEntry(entry);
    expect(text).toBe(
      '{"action":"unit.rename","actor":"user:12","after":{"kind":"OPD","list":[1,0.5,1e+21,0,true],"name":"Dinas Ä \\"B\\""},' +
        '"at":"2025-03-01T02:03:04.005Z","before":{"kind":null,"name":"Dinas A"},"seq":7,"subject":"unit:431"}',
    );
    expect(sha256Hex(GENESIS_HASH + text)).toBe('d1573324cc3073e01aa1026d5f2c924277ce2ab175a50707dc09cb5ed7b8ff1c');
  });

  it('splits around seq so the database can fill it in', () => {
    fc.assert(
      fc.property(fc.nat(), fc.string(), fc.jsonValue(), (seq, subject, after) => {
        const e = { ...entry, seq, subject, after: jsonValue(after) };
        const { prefix, suffix } = canonicalEntryParts(e);
        expect(prefix + String(seq) + suffix).toBe(canonicalEntry(e));
      }),
    );
  });
});
