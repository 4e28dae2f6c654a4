/**
 * The docs check (npm run check:docs, a tier of npm test):
 * 1. every repository path a document names in backticks exists
 *    (README, CONTRIBUTING, CHANGELOG and docs/**: `src/…`, `docs/…`, `test/…`, …);
 * 2. every route of /api/openapi.json is in docs/api.md as `METHOD /path`;
 * 3. every setting src/config.ts reads is in the README's configuration table;
 * 4. every `patuh` command is in the README's command list as `npx patuh COMMAND`;
 * 5. every audit action the code writes (`action: '…'`) is in docs/audit.md.
 * Prints each problem with the file it is in; exits 1 when there is any.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { buildProgram } from '../src/cli/program.ts';
import { buildServer } from '../src/http/server.ts';
import { openContainer } from '../src/services/container.ts';

const root = path.resolve(import.meta.dirname, '..');
/** made by a build or a run, not kept in the repository */
const GENERATED = ['web/dist', 'test-results'];
const ROOTS = ['src', 'docs', 'test', 'web', 'bench', 'scripts', 'instruments', 'registry', 'bin', '.ci'];

function markdownFiles(): string[] {
  const out = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md'].filter((f) => existsSync(path.join(root, f)));
  const walk = (dir: string) => {
    for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.md')) out.push(rel);
    }
  };
  walk('docs');
  return out;
}

/** `src/x/*.ts` matches when some file fits; `src/x/` when the folder exists. */
export function pathExists(p: string): boolean {
  const clean = p.replace(/[#:].*$/, '').replace(/\/$/, '');
  if (!clean.includes('*')) return existsSync(path.join(root, clean));
  const dir = clean.slice(0, clean.lastIndexOf('/', clean.indexOf('*')));
  const pattern = new RegExp(
    `^${clean
      .slice(dir.length + 1)
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*\/?/g, '§GLOBSTAR§')
      .replace(/\*/g, '[^/]*')
      .replace(/§GLOBSTAR§/g, '(?:.*/)?')}$`,
  );
  if (!existsSync(path.join(root, dir))) return false;
  const all: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(path.join(root, d), { withFileTypes: true })) {
      const rel = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(rel);
      } else all.push(path.relative(dir, rel));
    }
  };
  walk(dir);
  return all.some((f) => pattern.test(f));
}

export function namedPaths(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/`([^`\s]+)`/g)) {
    const v = m[1] as string;
    const first = v.split('/')[0] as string;
    if (!v.includes('/') || !ROOTS.includes(first)) continue;
    if (/[<>{}]|NNNN|\.\.\./.test(v)) continue; // placeholders: `docs/adr/NNNN-title.md`
    if (GENERATED.some((g) => v === g || v.startsWith(`${g}/`))) continue;
    out.add(v);
  }
  return [...out];
}

async function routesMissingFromApiDoc(): Promise<string[]> {
  const { ctx, close } = await openContainer({ kind: 'pglite', dataDir: null });
  try {
    const app = await buildServer(ctx, { logLevel: 'silent', webDist: null });
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    await app.close();
    const spec = res.json() as { paths: Record<string, Record<string, unknown>> };
    const doc = readFileSync(path.join(root, 'docs/api.md'), 'utf8');
    // `GET /api/v1/audit?subject=…` names GET /api/v1/audit
    const named = new Set(
      [...doc.matchAll(/`(GET|POST|PUT|PATCH|DELETE) ([^`?\s]+)[^`]*`/g)].map((m) => `${m[1]} ${m[2]}`),
    );
    const missing: string[] = [];
    for (const [p, methods] of Object.entries(spec.paths)) {
      const routePath = p.replace(/\{([^}]+)\}/g, ':$1');
      for (const method of Object.keys(methods)) {
        const route = `${method.toUpperCase()} ${routePath}`;
        if (!named.has(route)) missing.push(`docs/api.md does not name \`${route}\``);
      }
    }
    return missing;
  } finally {
    await close();
  }
}

/** The settings of src/config.ts's environment schema (its UPPER_CASE keys) missing from the README. */
export function settingsMissingFromReadme(configSource: string, readme: string): string[] {
  const names = new Set([...configSource.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1] as string));
  return [...names].filter((n) => !readme.includes(`\`${n}\``)).map((n) => `README.md does not name the setting ${n}`);
}

function commandPaths(c: Command, prefix = ''): string[] {
  const here = `${prefix} ${c.name()}`.trim();
  return c.commands.length === 0 ? [here] : c.commands.flatMap((s) => commandPaths(s, here));
}

/** `patuh` commands (leaves: `user create`, `backup`) the README's list does not show. */
export function commandsMissingFromReadme(readme: string): string[] {
  const program = buildProgram({ serve: async () => {} });
  return program.commands
    .flatMap((c) => commandPaths(c))
    .filter((cmd) => !new RegExp(`npx patuh ${cmd.replace(/ /g, ' ')}(\\s|$)`, 'm').test(readme))
    .map((cmd) => `README.md does not show \`npx patuh ${cmd}\``);
}

/** The audit actions written in `source` (`action: 'a.b'`, either side of a `?:`) that `doc` does not name. */
export function actionsMissingFromAuditDoc(source: string, doc: string): string[] {
  const out = new Set<string>();
  for (const m of source.matchAll(/\baction:([^,\n]+)/g)) {
    for (const a of (m[1] as string).matchAll(/'([a-z_]+\.[a-z_-]+)'/g)) {
      if (!doc.includes(`\`${a[1]}\``)) out.add(a[1] as string);
    }
  }
  return [...out];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [rel] : [];
  });
}

if (import.meta.main) {
  const problems: string[] = [];
  for (const f of markdownFiles()) {
    for (const p of namedPaths(readFileSync(path.join(root, f), 'utf8'))) {
      if (!pathExists(p)) problems.push(`${f} names ${p}, which does not exist`);
    }
  }
  problems.push(...(await routesMissingFromApiDoc()));
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  problems.push(...settingsMissingFromReadme(readFileSync(path.join(root, 'src/config.ts'), 'utf8'), readme));
  problems.push(...commandsMissingFromReadme(readme));
  const auditDoc = readFileSync(path.join(root, 'docs/audit.md'), 'utf8');
  for (const f of sourceFiles('src')) {
    for (const a of actionsMissingFromAuditDoc(readFileSync(path.join(root, f), 'utf8'), auditDoc))
      problems.push(`docs/audit.md does not list the action ${a} (${f})`);
  }
  for (const p of problems) console.error(p);
  console.log(problems.length ? `docs check: ${problems.length} problem(s)` : 'docs check: every path and route found');
  process.exit(problems.length ? 1 : 0);
}
