/**
 * npm test: every tier in turn, stopping at the first that fails, and the time of each
 * at the end (with the load average, since 2 cores are shared with whatever else runs).
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';

const TIERS: [name: string, script: string][] = [
  ['typecheck', 'typecheck'],
  ['lint', 'lint'],
  ['docs check', 'check:docs'],
  ['unit', 'test:unit'],
  ['integration (PGlite)', 'test:integration'],
  ['integration (PostgreSQL)', 'test:integration:postgres'],
  ['browser (Chromium)', 'test:e2e'],
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const done: { name: string; seconds: number; ok: boolean; load: string }[] = [];
const started = performance.now();
for (const [name, script] of TIERS) {
  const t = performance.now();
  const r = spawnSync(npm, ['run', '--silent', script], { stdio: 'inherit' });
  const ok = r.status === 0;
  done.push({ name, seconds: (performance.now() - t) / 1000, ok, load: loadavg()[0]?.toFixed(2) ?? '' });
  if (!ok) break;
}
const total = (performance.now() - started) / 1000;
const fmt = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;
console.log('\ntier                          time   load(1m)');
for (const d of done) console.log(`${d.ok ? '✓' : '✗'} ${d.name.padEnd(28)}${fmt(d.seconds).padStart(5)}   ${d.load}`);
console.log(`  ${'total'.padEnd(28)}${fmt(total).padStart(5)}`);
const failed = done.find((d) => !d.ok);
if (failed) {
  console.log(`\n${failed.name} failed (npm run ${TIERS.find(([n]) => n === failed.name)?.[1]})`);
  process.exit(1);
}
