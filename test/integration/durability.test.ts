/**
 * Finding 1 of issue 12: an acknowledged write is flushed to stable storage before
 * it is acknowledged (ADR 0011). A child process makes writes on a PGlite folder
 * under strace; between two acknowledgements there must be an fsync of the WAL.
 * The same trace of PGlite with its stock options shows none: the check can fail.
 * PGlite only (PostgreSQL flushes on its own, in another process).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectNode } from '../helpers/cli.ts';

const root = path.resolve(import.meta.dirname, '../..');
const writer = path.join(root, 'test/helpers/durable-writer.ts');
const WRITES = 12;

interface Interval {
  /** the files flushed (fsync or fdatasync) after write i−1 was acknowledged and before write i was */
  flushed: string[];
}

/** Runs the writer under strace; returns, per acknowledged write, what was flushed before it. */
function traceWrites(mode: 'patuh' | 'stock'): Interval[] {
  const which = spawnSync('strace', ['-V'], { encoding: 'utf8' });
  if (which.status !== 0) throw new Error('this test needs strace (apt-get install -y strace; .ci/run installs it)');
  const folder = path.join(mkdtempSync(path.join(tmpdir(), 'patuh-durability-')), 'pglite');
  const log = `${folder}.strace`;
  const r = spawnSync(
    'strace',
    [
      '-f',
      '-qq',
      '-o',
      log,
      '-e',
      'trace=openat,close,fsync,fdatasync',
      projectNode,
      writer,
      mode,
      folder,
      String(WRITES),
    ],
    { encoding: 'utf8', cwd: root, timeout: 180_000 },
  );
  expect(r.status, r.stderr).toBe(0);

  const open = new Map<string, string>(); // "pid fd" → path (strace -f prefixes each line with the pid)
  const pendingOpen = new Map<string, string>(); // pid → path of an interrupted openat
  const intervals: Interval[] = [];
  let current: Interval | null = null;
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    const opened = /^(\d+)\s+openat\([^,]+, "([^"]+)",.*\) = (\d+)/.exec(line);
    if (opened) {
      open.set(`${opened[1]} ${opened[3]}`, opened[2] as string);
      continue;
    }
    // a call another thread interrupted: "openat(…, "path", … <unfinished ...>" then "<... openat resumed>) = fd"
    const unfinished = /^(\d+)\s+openat\([^,]+, "([^"]+)".*<unfinished \.\.\.>/.exec(line);
    if (unfinished) pendingOpen.set(unfinished[1] as string, unfinished[2] as string);
    const resumed = /^(\d+)\s+<\.\.\. openat resumed>.*\) = (\d+)/.exec(line);
    if (resumed && pendingOpen.has(resumed[1] as string)) {
      open.set(`${resumed[1]} ${resumed[2]}`, pendingOpen.get(resumed[1] as string) as string);
      continue;
    }
    const mark = /^\d+\s+openat\([^,]+, "[^"]+\.ack-(\d+)"/.exec(line);
    if (mark) {
      if (current) intervals.push(current);
      current = Number(mark[1]) < WRITES ? { flushed: [] } : null;
      continue;
    }
    const flush = /^(\d+)\s+f(?:data)?sync\((\d+)\)(?:\s+= 0|\s+<unfinished)/.exec(line);
    if (flush && current) current.flushed.push(open.get(`${flush[1]} ${flush[2]}`) ?? `fd ${flush[2]}`);
    const closed = /^(\d+)\s+close\((\d+)\)/.exec(line);
    if (closed) open.delete(`${closed[1]} ${closed[2]}`);
  }
  expect(intervals).toHaveLength(WRITES);
  return intervals;
}

describe.skipIf(process.env.PATUH_TEST_DATABASE_URL)('the embedded database (PGlite) on a folder', () => {
  it('flushes the WAL to disk before each write is acknowledged', () => {
    const intervals = traceWrites('patuh');
    for (const [i, interval] of intervals.entries()) {
      expect(
        interval.flushed.some((f) => f.includes('/pg_wal/')),
        `write ${i + 1}: flushed ${JSON.stringify(interval.flushed)}`,
      ).toBe(true);
    }
  });

  it('(the control) PGlite with its stock options flushes nothing: the trace sees the difference', () => {
    const intervals = traceWrites('stock');
    expect(intervals.flatMap((i) => i.flushed)).toEqual([]);
  });
});
