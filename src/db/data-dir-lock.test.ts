import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { lockDataDir } from './data-dir-lock.ts';

const folder = () => path.join(mkdtempSync(path.join(tmpdir(), 'patuh-lock-')), 'pglite');

/** The pid of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('the data folder lock', () => {
  it('is one holder at a time; released, it can be taken again', () => {
    const dir = folder();
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(`${dir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(() => lockDataDir(dir)).toThrow(AppError);
    expect(() => lockDataDir(dir)).toThrow(/in use by this process/);
    lock.release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    lockDataDir(dir).release();
  });

  it('takes over a lock whose process has ended (kill -9 leaves one behind)', () => {
    const dir = folder();
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: deadPid(), startTime: null, bootId: null, command: 'serve' }));
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(`${dir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it.skipIf(process.platform !== 'linux')(
    'takes over a lock whose pid now belongs to another process, or to another boot',
    () => {
      const dir = folder();
      // a live pid (ours) with another start time: the holder was a process before us
      writeFileSync(
        `${dir}.lock`,
        JSON.stringify({ pid: process.pid, startTime: '1', bootId: null, command: 'serve' }),
      );
      lockDataDir(dir).release();
      writeFileSync(
        `${dir}.lock`,
        JSON.stringify({ pid: process.pid, startTime: null, bootId: 'an-earlier-boot', command: 'serve' }),
      );
      lockDataDir(dir).release();
    },
  );

  it('takes over a lock copied with a copy of its folder (it names the original)', () => {
    const original = folder();
    const held = lockDataDir(original);
    const copy = folder();
    writeFileSync(`${copy}.lock`, readFileSync(`${original}.lock`));
    lockDataDir(copy).release();
    expect(() => lockDataDir(original)).toThrow(/in use/);
    held.release();
  });

  it('takes over a lock file that names no process (unreadable)', () => {
    const dir = folder();
    writeFileSync(`${dir}.lock`, 'not json');
    lockDataDir(dir).release();
  });

  it('does not remove a lock that another process holds now', () => {
    const dir = folder();
    const lock = lockDataDir(dir);
    const text = readFileSync(`${dir}.lock`, 'utf8');
    writeFileSync(`${dir}.lock`, JSON.stringify({ ...JSON.parse(text), command: 'another' }));
    lock.release(); // not ours any more: left alone
    expect(existsSync(`${dir}.lock`)).toBe(true);
  });
});
