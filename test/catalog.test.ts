import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError, INSTRUMENTS_DIR, loadCatalog } from '../src/services/instrument-catalog.ts';

function copy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'patuh-catalog-'));
  cpSync(INSTRUMENTS_DIR, dir, { recursive: true });
  return dir;
}

describe('instrument catalog', () => {
  it('loads the shipped editions and band schemes', () => {
    const c = loadCatalog();
    expect([...c.editions.keys()].sort()).toEqual(['maladministrasi-2025', 'pemda-2022', 'pemda-2023']);
    expect([...c.bandSchemes.keys()].sort()).toEqual(['categories-2022', 'opini-2025', 'zones-2021']);
  });

  it('reports every problem with its file and path', () => {
    const dir = copy();
    const file = path.join(dir, 'editions', 'pemda-2022.json');
    const inst = JSON.parse(JSON.stringify(loadCatalog().editions.get('pemda-2022')));
    inst.dimensions[0].weight = -1;
    inst.dimensions[1].variables[0].indicators[1].code = inst.dimensions[1].variables[0].indicators[0].code;
    writeFileSync(file, JSON.stringify(inst));
    writeFileSync(path.join(dir, 'bands', 'broken.json'), '{ not json');
    let error: unknown;
    try {
      loadCatalog(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogError);
    const problems = (error as CatalogError).problems.join('\n');
    expect(problems).toMatch(/bands\/broken\.json: not valid JSON/);
    expect(problems).toMatch(/editions\/pemda-2022\.json: dimensions\[0\]\.weight/);
  });

  it('reports a duplicated indicator code with both places', () => {
    const dir = copy();
    const file = path.join(dir, 'editions', 'pemda-2023.json');
    const inst = JSON.parse(JSON.stringify(loadCatalog().editions.get('pemda-2023')));
    inst.dimensions[1].variables[0].indicators[1].code = inst.dimensions[1].variables[0].indicators[0].code;
    writeFileSync(file, JSON.stringify(inst));
    expect(() => loadCatalog(dir)).toThrow(
      /pemda-2023\.json: dimensions\[1\]\.variables\[0\]\.indicators\[1\]\.code: code PR\.STD\.01 is already used at dimensions\[1\]\.variables\[0\]\.indicators\[0\]\.code/,
    );
  });
});
