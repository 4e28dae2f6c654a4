/**
 * The answers export alone in a process, for its throughput and peak RSS:
 *   node bench/export-answers-child.ts '<DatabaseConfig JSON>' YEAR FILE
 * prints { rows, seconds, cpuSeconds (this process), method, rssBeforeMb, maxRssMb, peak } as JSON.
 */
import { readFileSync } from 'node:fs';
import { type DatabaseConfig, openDatabase } from '../src/db/database.ts';
import { serviceContext } from '../src/services/container.ts';
import { exportAnswers } from '../src/services/exports/answers-export.ts';
import { defaultCatalog } from '../src/services/instrument-catalog.ts';

/**
 * This process's peak RSS. On Linux getrusage's maxRSS survives exec: a child forked
 * from a large parent starts with the parent's high-water mark. VmHWM belongs to the
 * address space, which exec replaces, so it is this program's own peak.
 */
function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

const [config = '', year = '', file = ''] = process.argv.slice(2);
const handle = await openDatabase(JSON.parse(config) as DatabaseConfig);
// where the memory is, sampled while exporting (for diagnosis; the table reports maxRSS)
const peak = { heapUsedMb: 0, externalMb: 0, arrayBuffersMb: 0 };
const sample = setInterval(() => {
  const m = process.memoryUsage();
  peak.heapUsedMb = Math.max(peak.heapUsedMb, m.heapUsed / 2 ** 20);
  peak.externalMb = Math.max(peak.externalMb, m.external / 2 ** 20);
  peak.arrayBuffersMb = Math.max(peak.arrayBuffersMb, m.arrayBuffers / 2 ** 20);
}, 25);
try {
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  const cpu0 = process.cpuUsage();
  const r = await exportAnswers(serviceContext(handle, defaultCatalog()), Number(year), file);
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const maxRssMb = peakRssMb();
  process.stdout.write(
    JSON.stringify({ rows: r.rows, seconds: r.seconds, cpuSeconds, method: r.method, rssBeforeMb, maxRssMb, peak }),
  );
} finally {
  clearInterval(sample);
  await handle.close();
}
