/**
 * One process per PGlite folder. PGlite is Postgres in one process: a second
 * process on the same folder works on its own copy of the buffers and its writes
 * are lost (issue 12, finding 2). The lock is a file beside the folder
 * (`<folder>.lock`) naming the holder: its pid, when it started and the boot it
 * belongs to. It is taken atomically (link(2) of a complete file: there is never a
 * half-written lock) and dies with its process: a lock whose pid is gone, or is
 * now another process (start time or boot differ), is stale and taken over, so a
 * kill -9 never blocks the folder for ever. So is a lock copied with a copy of the
 * folder (it names the original folder).
 */
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';

export interface LockHolder {
  pid: number;
  /** the process's start time in clock ticks since boot (Linux), null elsewhere */
  startTime: string | null;
  /** the kernel's boot id (Linux), null elsewhere */
  bootId: string | null;
  /** what the holder runs, e.g. "serve" */
  command: string;
  /** the folder locked (absolute): a lock copied with its folder names the original */
  folder: string | null;
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

function readOr(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat: when the process started (after the name, which may hold spaces). */
function startTimeOf(pid: number): string | null {
  const stat = readOr(`/proc/${pid}/stat`);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null;
}

function bootId(): string | null {
  return readOr('/proc/sys/kernel/random/boot_id');
}

function me(folder: string): LockHolder {
  const args = process.argv.slice(2);
  const firstOption = args.findIndex((a) => a.startsWith('-'));
  return {
    pid: process.pid,
    startTime: startTimeOf(process.pid),
    bootId: bootId(),
    command: args.slice(0, Math.min(2, firstOption < 0 ? 2 : firstOption)).join(' ') || 'patuh',
    folder: path.resolve(folder),
  };
}

function parseHolder(text: string | null): LockHolder | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (typeof v.pid !== 'number' || !Number.isInteger(v.pid) || v.pid <= 0) return null;
    return {
      pid: v.pid,
      startTime: typeof v.startTime === 'string' ? v.startTime : null,
      bootId: typeof v.bootId === 'string' ? v.bootId : null,
      command: typeof v.command === 'string' ? v.command : 'patuh',
      folder: typeof v.folder === 'string' ? v.folder : null,
    };
  } catch {
    return null;
  }
}

/** Whether the holder named in a lock file still runs (the same process, not a reused pid) and holds `folder`. */
export function holderAlive(h: LockHolder, folder: string): boolean {
  if (h.folder !== null && h.folder !== path.resolve(folder)) return false; // copied with a copy of the folder
  const boot = bootId();
  if (h.bootId !== null && boot !== null && h.bootId !== boot) return false; // the machine restarted
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false; // ESRCH: no such process
  }
  if (h.startTime !== null) {
    const now = startTimeOf(h.pid);
    if (now !== null && now !== h.startTime) return false; // the pid belongs to another process now
  }
  return true;
}

function inUse(folder: string, lockPath: string, h: LockHolder): AppError {
  const who = h.pid === process.pid ? 'this process' : `process ${h.pid} (patuh ${h.command})`;
  return new AppError(
    'CONFLICT',
    `the data folder ${folder} is in use by ${who}. The embedded database (PGlite) allows one process ` +
      'at a time, and a second one would lose its writes. Stop the server first (Ctrl+C or SIGTERM) and ' +
      'run the command again, or do it through the running server (the web app or the API), or use ' +
      `PostgreSQL (set DATABASE_URL) to run several processes at once. Lock file: ${lockPath}`,
    { lockFile: lockPath, pid: h.pid, command: h.command },
  );
}

/** Takes the lock on `folder` or throws AppError CONFLICT naming the holder and what to do. */
export function lockDataDir(folder: string): DataDirLock {
  const lockPath = `${folder}.lock`;
  const mine = me(folder);
  const text = JSON.stringify(mine);
  for (let attempt = 0; attempt < 5; attempt++) {
    const temp = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temp, text, { mode: 0o600, flush: true });
    try {
      linkSync(temp, lockPath); // atomic: fails with EEXIST while a lock is there
      unlinkSync(temp);
      return { path: lockPath, release: releaser(lockPath, text) };
    } catch (e) {
      unlinkSync(temp);
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const current = readOr(lockPath);
    if (current === null) continue; // released meanwhile
    const holder = parseHolder(current);
    if (holder && holderAlive(holder, folder)) throw inUse(folder, lockPath, holder);
    takeOverStale(lockPath, current);
  }
  throw inUse(folder, lockPath, parseHolder(readOr(lockPath)) ?? { ...mine, command: 'unknown' });
}

/**
 * Removes a stale lock, unless another process replaced it meanwhile: the lock is
 * moved aside atomically and put back when it is not the one judged stale.
 */
function takeOverStale(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // gone already
  }
  if (readOr(aside) === staleText) {
    unlinkSync(aside);
    return;
  }
  try {
    linkSync(aside, lockPath); // a fresh lock: put it back
  } catch {
    // another process took the folder meanwhile: the next attempt sees it
  }
  unlinkSync(aside);
}

function releaser(lockPath: string, text: string): () => void {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    if (readOr(lockPath) === text) {
      try {
        unlinkSync(lockPath);
      } catch {
        // gone already
      }
    }
  };
  process.on('exit', release); // an exit without close still frees the folder
  return release;
}
