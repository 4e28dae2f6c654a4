/**
 * Writes the app shell's file list into the built service worker (dist/sw.js, copied
 * from web/public/sw.js): index.html, the entry chunk with everything it imports
 * statically and their CSS, the chunks of the modules named `offline` (the collection
 * app, loaded on demand but needed offline) with theirs, and the public files (manifest,
 * icons). Other chunks loaded on demand (the staff pages, the charts) are cached when
 * first used instead. The version is a hash of the list, so a new build installs a new
 * worker and drops the old cache.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const MARKER = /^const BUILD = \{ version: 'dev', files: \[\] \};$/m;

interface ChunkInfo {
  type: 'chunk' | 'asset';
  fileName: string;
  isEntry?: boolean;
  facadeModuleId?: string | null;
  imports?: string[];
  viteMetadata?: { importedCss?: Set<string> };
}

/**
 * The entry chunks and the chunks of the `offline` modules (absolute paths), with what
 * they import statically and their CSS. A named module without a chunk of its own is an
 * error: the collection app would silently stop opening offline.
 */
export function shellFiles(bundle: Record<string, ChunkInfo>, offline: string[] = []): string[] {
  const files = new Set<string>(['index.html']);
  const visit = (name: string) => {
    const c = bundle[name];
    if (c?.type !== 'chunk' || files.has(name)) return;
    files.add(name);
    for (const css of c.viteMetadata?.importedCss ?? []) files.add(css);
    for (const i of c.imports ?? []) visit(i);
  };
  for (const c of Object.values(bundle)) if (c.type === 'chunk' && c.isEntry) visit(c.fileName);
  for (const id of offline) {
    const c = Object.values(bundle).find((b) => b.type === 'chunk' && b.facadeModuleId === id);
    if (!c) throw new Error(`service worker shell: no chunk of its own for ${id} (is it imported with import()?)`);
    visit(c.fileName);
  }
  return [...files];
}

function publicFiles(dir: string, base = ''): string[] {
  return readdirSync(path.join(dir, base)).flatMap((name) => {
    const rel = base ? `${base}/${name}` : name;
    if (statSync(path.join(dir, rel)).isDirectory()) return publicFiles(dir, rel);
    return rel === 'sw.js' ? [] : [rel];
  });
}

/** `offline`: modules (paths from the web root) loaded on demand whose chunks are precached too. */
export function serviceWorkerShell({ offline = [] }: { offline?: string[] } = {}): Plugin {
  let root = '';
  let outDir = '';
  let publicDir = '';
  let shell: string[] = [];
  return {
    name: 'patuh-service-worker-shell',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
      publicDir = config.publicDir;
    },
    writeBundle(_options, bundle) {
      const modules = offline.map((m) => path.resolve(root, m));
      shell = shellFiles(bundle as unknown as Record<string, ChunkInfo>, modules);
    },
    closeBundle() {
      const swPath = path.join(outDir, 'sw.js');
      const source = readFileSync(swPath, 'utf8');
      if (!MARKER.test(source)) throw new Error(`${swPath}: the line "const BUILD = …" to fill in is missing`);
      const files = [...shell, ...(publicDir ? publicFiles(publicDir) : [])].map((f) => `/${f}`).sort();
      const version = createHash('sha256').update(files.join('\n')).update(source).digest('hex').slice(0, 16);
      writeFileSync(swPath, source.replace(MARKER, `const BUILD = ${JSON.stringify({ version, files })};`));
    },
  };
}
