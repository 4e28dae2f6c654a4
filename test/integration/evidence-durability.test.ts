/**
 * Issue 12: an evidence file is flushed to stable storage, and so is its name in its
 * folder, before the upload is acknowledged (docs/security.md, durability). A child
 * process stores one blob under strace; before it prints "ack" the trace must show an
 * fsync of the file's bytes, then the rename into place, then an fsync of the folder.
 * A plain writeFile traced the same way shows none of these: the check can fail.
 * Database-independent (the folder store only); a second or two.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectNode } from '../helpers/cli.ts';

const root = path.resolve(import.meta.dirname, '../..');
const writer = path.join(root, 'test/helpers/durable-blob-writer.ts');

/** The calls, in order, that touched the store's files before "ack" was written. */
function traceStore(mode: 'patuh' | 'naive'): { events: string[]; target: string } {
  const which = spawnSync('strace', ['-V'], { encoding: 'utf8' });
  if (which.status !== 0) throw new Error('this test needs strace (apt-get install -y strace; .ci/run installs it)');
  // strace -y prints real paths: the folder's real path, whatever TMPDIR links to
  const store = path.join(realpathSync(mkdtempSync(path.join(tmpdir(), 'patuh-evidence-durability-'))), 'evidence');
  const log = `${store}.strace`;
  const r = spawnSync(
    'strace',
    [
      '-f',
      '-qq',
      '-y',
      '-o',
      log,
      '-e',
      'trace=openat,fsync,fdatasync,rename,renameat,renameat2,write',
      projectNode,
      writer,
      mode,
      store,
    ],
    { encoding: 'utf8', cwd: root, timeout: 60_000 },
  );
  expect(r.status, r.stderr).toBe(0);
  const target = /ack (\S+)/.exec(r.stdout)?.[1] ?? '';
  expect(target).not.toBe('');
  const events: string[] = [];
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    // -y: each descriptor is printed with its path, fsync(23</tmp/…/ab/cd/…>) = 0
    // (or "<unfinished ...>" when another thread's call interleaves: put awaits the result before going on)
    const flushed = /\sf(?:data)?sync\(\d+<([^>]+)>(?:\) = 0| <unfinished)/.exec(line);
    if (flushed) {
      if ((flushed[1] as string).startsWith(store)) events.push(`fsync ${flushed[1]}`);
      continue;
    }
    const renamed = /rename(?:at2?)?\(.*"([^"]+)",.*"([^"]+)"/.exec(line);
    if (renamed && renamed[2] === target) {
      events.push(`rename ${target}`);
      continue;
    }
    if (/\swrite\(1(<[^>]*>)?, "ack /.test(line)) {
      events.push('ack');
      break;
    }
  }
  return { events, target };
}

describe('evidence in the folder store is flushed before it is acknowledged', () => {
  it('fsyncs the bytes, renames, fsyncs the folder, then acknowledges', () => {
    const { events, target } = traceStore('patuh');
    const rename = events.indexOf(`rename ${target}`);
    const ack = events.indexOf('ack');
    expect(ack, events.join('\n')).toBeGreaterThan(0);
    expect(rename, events.join('\n')).toBeGreaterThan(0);
    // the temporary file (target.<pid>.<uuid>.tmp) is flushed before it takes the name
    expect(events.slice(0, rename).some((e) => e.startsWith(`fsync ${target}.`) && e.endsWith('.tmp'))).toBe(true);
    // the folder that holds the name is flushed after the rename, before the acknowledgement
    expect(events.slice(rename, ack)).toContain(`fsync ${path.dirname(target)}`);
  });

  it('a plain writeFile, traced the same way, shows no flush (the check can fail)', () => {
    const { events } = traceStore('naive');
    expect(events).toEqual(['ack']);
  });
});
