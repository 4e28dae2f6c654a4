/**
 * The e2e web server: on the fresh data directory Playwright hands over, make one
 * user per role with `patuh user create … --password-stdin`, then run
 * `patuh serve --demo` (which loads the synthetic 2022 demo). Users are made first
 * because an embedded PGlite database belongs to one process at a time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { USERS } from './users.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const patuh = path.join(root, 'bin/patuh.js');
const dataDir = process.env.PATUH_DATA_DIR;
if (!dataDir) throw new Error('PATUH_DATA_DIR must be set (playwright.config.ts sets it)');

for (const u of Object.values(USERS)) {
  const scope = !u.scope ? [] : 'entity' in u.scope ? ['--entity', u.scope.entity] : ['--office', u.scope.office];
  const r = spawnSync(
    process.execPath,
    [patuh, 'user', 'create', '--email', u.email, '--role', u.role, ...scope, '--password-stdin'],
    {
      cwd: root,
      input: `${u.password}\n`,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) {
    process.stderr.write(`patuh user create ${u.email} failed (${r.status}):\n${r.stdout}\n${r.stderr}\n`);
    process.exit(1);
  }
}

const server = spawn(process.execPath, [patuh, 'serve', '--demo'], { cwd: root, stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
  // the directory playwright.config.ts made for this run, and nothing else
  if (path.basename(dataDir).startsWith('patuh-e2e-')) rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
