/**
 * Dependencies point inward (STYLE.md): domain imports nothing of ours outside
 * domain; db does not import services/http/cli; services do not import http/cli;
 * web imports only shared code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  const abs = path.join(root, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of readdirSync(abs, { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'dist') out.push(...files(rel));
    } else if (/\.(ts|tsx)$/.test(e.name)) out.push(rel);
  }
  return out;
}

function imports(file: string): string[] {
  return importsOf(readFileSync(path.join(root, file), 'utf8'));
}

function importsOf(text: string): string[] {
  // static imports and re-exports begin a line; dynamic imports are calls of import(…).
  // A test named "…took over from', () => {" is neither.
  const statics = text.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*'([^']+)'|^\s*import\s*'([^']+)'/gm);
  const dynamics = text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g);
  return [...statics, ...dynamics].map((m) => (m[1] ?? m[2]) as string);
}

function violations(dir: string, forbidden: RegExp, allowedPackages?: RegExp): string[] {
  const out: string[] = [];
  for (const f of files(dir)) {
    for (const spec of imports(f)) {
      if (spec.startsWith('.')) {
        const target = path.relative(root, path.resolve(root, path.dirname(f), spec));
        if (forbidden.test(target)) out.push(`${f} → ${spec}`);
      } else if (allowedPackages && !allowedPackages.test(spec)) out.push(`${f} → ${spec}`);
    }
  }
  return out;
}

describe('the import reader', () => {
  it('sees static, multi-line, side-effect, re-exported and dynamic imports, and no test names', () => {
    const text = [
      "import { a } from './a.ts';",
      'import {\n  b,\n  c,\n} from "./ignored-double-quotes";',
      "import {\n  d,\n} from '../d.ts';",
      "import './side.ts';",
      "export { e } from './e.ts';",
      "export const f = 'not an import';",
      "const g = await import('./g.ts');",
      "it('finds the bodies a successor took over from', () => {});",
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a.ts', '../d.ts', './side.ts', './e.ts', './g.ts']);
  });
});

describe('dependency direction', () => {
  it('domain is pure: no db, services, http, cli, and no I/O packages', () => {
    expect(
      violations(
        'src/domain',
        /^src\/(db|services|http|cli)\b/,
        /^(zod|node:fs|node:path|node:url|vitest|fast-check)$/,
      ),
    ).toEqual([]);
    // node:fs is allowed only in tests next to the domain code
    const io = files('src/domain')
      .filter((f) => !f.endsWith('.test.ts'))
      .filter((f) => imports(f).some((s) => s.startsWith('node:')));
    expect(io).toEqual([]);
  });
  it('db does not reach up into services, http or cli', () => {
    expect(violations('src/db', /^src\/(services|http|cli)\b/)).toEqual([]);
  });
  it('services do not import http or cli', () => {
    expect(violations('src/services', /^src\/(http|cli)\b/)).toEqual([]);
  });
  it('the web app imports only shared code from src', () => {
    expect(violations('web/src', /^src\/(?!shared\b)/)).toEqual([]);
  });
});
