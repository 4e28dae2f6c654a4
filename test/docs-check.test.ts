import { describe, expect, it } from 'vitest';
import { namedPaths, pathExists } from '../scripts/check-docs.ts';

describe('the docs check', () => {
  it('reads the repository paths a document names, not placeholders, build output or other code', () => {
    const text =
      'See `src/domain/scoring/score.ts`, `docs/adr/NNNN-title.md`, `web/dist`, `npm test`, `a/b`, `src/<area>/`.';
    expect(namedPaths(text)).toEqual(['src/domain/scoring/score.ts']);
  });
  it('finds files, folders and globs, and misses what is not there', () => {
    expect(pathExists('src/domain/scoring/score.ts')).toBe(true);
    expect(pathExists('src/domain/scoring/')).toBe(true);
    expect(pathExists('src/domain/**/*.test.ts')).toBe(true);
    expect(pathExists('test/integration/*.test.ts')).toBe(true);
    expect(pathExists('src/domain/scoring/nothing-here.ts')).toBe(false);
    expect(pathExists('test/integration/*.nothing')).toBe(false);
  });
});
