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

/** A layer's rule: which of our folders its files may not import, and (for the domain) which packages it may. */
interface Rule {
  name: string;
  dir: string;
  forbidden: RegExp;
  packages?: RegExp;
  /** tests beside the code may check parity with the server (shared's schema tests do) */
  skipTests?: boolean;
}

const RULES: Rule[] = [
  {
    name: 'domain is pure: nothing of ours outside the domain, no I/O packages',
    dir: 'src/domain',
    forbidden: /^src\/(?!domain\b)/,
    packages: /^(zod|node:fs|node:path|node:url|vitest|fast-check)$/,
  },
  { name: 'db does not reach up', dir: 'src/db', forbidden: /^src\/(services|present|http|cli)\b/ },
  {
    name: 'services do not import presenters, http or cli',
    dir: 'src/services',
    forbidden: /^src\/(present|http|cli)\b/,
  },
  {
    name: 'presenters take their own types, not database rows',
    dir: 'src/present',
    forbidden: /^src\/(db|http|cli)\b/,
  },
  { name: 'http calls services, never db or cli', dir: 'src/http', forbidden: /^src\/(db|cli)\b/ },
  {
    name: 'cli calls services, never db or http (src/main.ts hands it the server)',
    dir: 'src/cli',
    forbidden: /^src\/(db|http)\b/,
  },
  {
    name: 'shared holds only what the web may read',
    dir: 'src/shared',
    forbidden: /^src\/(?!shared\b)/,
    skipTests: true,
  },
  { name: 'the web app imports only shared code from src', dir: 'web/src', forbidden: /^src\/(?!shared\b)/ },
];

/** Whether one import of one file breaks the rule: the message, or null. */
function breaks(rule: Rule, file: string, spec: string): string | null {
  if (rule.skipTests && file.endsWith('.test.ts')) return null;
  if (spec.startsWith('.')) {
    const target = path.relative(root, path.resolve(root, path.dirname(file), spec));
    return rule.forbidden.test(target) ? `${file} → ${spec}` : null;
  }
  return rule.packages && !rule.packages.test(spec) ? `${file} → ${spec}` : null;
}

function violations(rule: Rule): string[] {
  return files(rule.dir).flatMap((f) => imports(f).flatMap((spec) => breaks(rule, f, spec) ?? []));
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
  for (const rule of RULES) {
    it(rule.name, () => {
      expect(files(rule.dir).length).toBeGreaterThan(0);
      expect(violations(rule)).toEqual([]);
    });
  }
  it('the server wires explicitly: no module is imported only for what its loading does', () => {
    const sideEffects = ['src']
      .flatMap((d) => files(d))
      .filter((f) => !f.endsWith('.test.ts'))
      .filter((f) => /^import\s*'[^']+';/m.test(readFileSync(path.join(root, f), 'utf8')));
    expect(sideEffects).toEqual([]);
  });
  it('domain code proper does no I/O (node:fs only in its tests)', () => {
    const io = files('src/domain')
      .filter((f) => !f.endsWith('.test.ts'))
      .filter((f) => imports(f).some((s) => s.startsWith('node:')));
    expect(io).toEqual([]);
  });
});

describe('each rule would catch what it forbids (self-test)', () => {
  const rule = (dir: string) => RULES.find((r) => r.dir === dir) as Rule;
  const forbidden: [string, string, string][] = [
    ['src/domain', 'src/domain/scoring/x.ts', '../../db/database.ts'],
    ['src/domain', 'src/domain/scoring/x.ts', '../../shared/api-schemas.ts'],
    ['src/domain', 'src/domain/scoring/x.ts', 'kysely'],
    ['src/db', 'src/db/repos/x.ts', '../../services/context.ts'],
    ['src/db', 'src/db/repos/x.ts', '../../http/server.ts'],
    ['src/services', 'src/services/x.ts', '../http/server.ts'],
    ['src/services', 'src/services/x/y.ts', '../../cli/runtime.ts'],
    ['src/services', 'src/services/x.ts', '../present/users.ts'],
    ['src/present', 'src/present/x.ts', '../db/repos/users.ts'],
    ['src/present', 'src/present/x.ts', '../http/etag.ts'],
    ['src/http', 'src/http/users/routes.ts', '../../db/repos/users.ts'],
    ['src/http', 'src/http/server.ts', '../cli/runtime.ts'],
    ['src/cli', 'src/cli/commands-server.ts', '../http/server.ts'],
    ['src/cli', 'src/cli/runtime.ts', '../db/database.ts'],
    ['src/shared', 'src/shared/api-schemas.ts', '../domain/access/roles.ts'],
    ['src/shared', 'src/shared/api-schemas.ts', '../services/context.ts'],
    ['web/src', 'web/src/pages/x.tsx', '../../../src/domain/scoring/bands.ts'],
    ['web/src', 'web/src/pages/x.tsx', '../../../src/services/results/results.ts'],
  ];
  it.each(forbidden)('%s: %s importing %s is refused', (dir, file, spec) => {
    expect(breaks(rule(dir), file, spec)).not.toBeNull();
  });
  const allowed: [string, string, string][] = [
    ['src/domain', 'src/domain/scoring/x.ts', '../instrument/schema.ts'],
    ['src/services', 'src/services/x.ts', '../db/database.ts'],
    ['src/present', 'src/present/x.ts', '../services/context.ts'],
    ['src/http', 'src/http/users/routes.ts', '../../present/users.ts'],
    ['src/shared', 'src/shared/api-schemas.test.ts', '../domain/access/roles.ts'],
    ['web/src', 'web/src/pages/x.tsx', '../../../src/shared/api-schemas.ts'],
  ];
  it.each(allowed)('%s: %s importing %s is allowed', (dir, file, spec) => {
    expect(breaks(rule(dir), file, spec)).toBeNull();
  });
});
