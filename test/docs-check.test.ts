import { describe, expect, it } from 'vitest';
import {
  actionsMissingFromAuditDoc,
  commandsMissingFromReadme,
  namedPaths,
  pathExists,
  settingsMissingFromReadme,
} from '../scripts/check-docs.ts';

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
  it('names the settings the README table leaves out', () => {
    const config = 'const env = z.object({\n    PORT: z.coerce.number(),\n    TRUST_PROXY: z.string(),\n});';
    expect(settingsMissingFromReadme(config, '| `PORT` | where |')).toEqual([
      'README.md does not name the setting TRUST_PROXY',
    ]);
  });
  it('names the commands the README list leaves out', () => {
    const missing = commandsMissingFromReadme('npx patuh migrate\nnpx patuh user create --email E');
    expect(missing).toContain('README.md does not show `npx patuh backup`');
    expect(missing).toContain('README.md does not show `npx patuh user list`');
    expect(missing).not.toContain('README.md does not show `npx patuh migrate`');
    expect(missing).not.toContain('README.md does not show `npx patuh user create`');
  });
  it('names the audit actions the audit doc leaves out', () => {
    const code = "appendAudit(tx, { action: existing ? 'sample.redraw' : 'sample.draw', subject });";
    expect(actionsMissingFromAuditDoc(code, '| `sample.draw` | drawn |')).toEqual(['sample.redraw']);
  });
});
