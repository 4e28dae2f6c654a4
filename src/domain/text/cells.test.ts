import { describe, expect, it } from 'vitest';
import { ECHO_LIMIT, echo, FORMULA_TRIGGERS, formulaNameProblem, neutralizeCell, startsLikeFormula } from './cells.ts';

describe('neutralizeCell (CSV injection, OWASP)', () => {
  it('prefixes a single quote to a cell that starts with = + - @, a tab or a carriage return', () => {
    for (const t of FORMULA_TRIGGERS) expect(neutralizeCell(`${t}1+2`)).toBe(`'${t}1+2`);
    expect(neutralizeCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutralizeCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
  });
  it('leaves other cells as they are', () => {
    for (const t of ['Kota Bekasi', '', 'A=1', ' =1', "'=1", 'Dinas - Kesehatan']) expect(neutralizeCell(t)).toBe(t);
    expect(startsLikeFormula('')).toBe(false);
  });
});

describe('formulaNameProblem', () => {
  it('refuses a name that starts like a formula, and says which character', () => {
    expect(formulaNameProblem('unit name', '=HYPERLINK(1)')).toMatch(/unit name "=HYPERLINK\(1\)" starts with "="/);
    expect(formulaNameProblem('unit name', '\tx')).toMatch(/starts with a tab/);
    expect(formulaNameProblem('unit name', 'Disdukcapil')).toBeNull();
  });
});

describe('echo', () => {
  it('quotes a short value whole', () => {
    expect(echo('abc')).toBe('"abc"');
  });
  it('cuts a long value to the limit with an ellipsis', () => {
    const e = echo('x'.repeat(5 * 1024 * 1024));
    expect(e).toBe(`"${'x'.repeat(ECHO_LIMIT)}…"`);
  });
  it('never cuts a surrogate pair in half', () => {
    const e = echo(`${'x'.repeat(ECHO_LIMIT - 1)}😀😀`);
    expect(e).toBe(`"${'x'.repeat(ECHO_LIMIT - 1)}…"`);
  });
});
