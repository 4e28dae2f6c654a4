/**
 * Where a backup goes and comes from: a folder, or one `.tar` file (tar.ts) made from
 * such a folder. A tar is written beside its name and renamed into place when
 * complete; a restore unpacks it into a temporary folder and restores from there.
 */
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '../../errors.ts';
import { type BackupDeps, type BackupReport, createBackup } from './create-backup.ts';
import { type RestoreDeps, type RestoreReport, restoreBackup } from './restore-backup.ts';
import { packBackup, unpackBackup } from './tar.ts';
import { type VerifiedBackup, verifyBackup } from './verify-backup.ts';

export const isTarPath = (p: string): boolean => p.toLowerCase().endsWith('.tar');

/** A backup into FOLDER, or into FILE.tar. */
export async function backupTo(deps: BackupDeps, target: string): Promise<BackupReport> {
  if (!isTarPath(target)) return createBackup(deps, target);
  const file = path.resolve(target);
  if (await stat(file).catch(() => null)) {
    throw new AppError('CONFLICT', `${file} exists: name a new file for the backup (it is never overwritten)`, {
      file,
    });
  }
  await mkdir(path.dirname(file), { recursive: true });
  const work = await mkdtemp(path.join(path.dirname(file), '.patuh-backup-'));
  try {
    const report = await createBackup(deps, path.join(work, 'backup'));
    const partial = `${file}.partial-${process.pid}`;
    try {
      await packBackup(report.folder, partial);
      await rename(partial, file);
    } catch (e) {
      await rm(partial, { force: true });
      throw e;
    }
    return { ...report, folder: file };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Runs `body` on the backup at `source` as a folder (a .tar is unpacked into a temporary one first). */
async function asFolder<T>(source: string, body: (folder: string) => Promise<T>): Promise<T> {
  const s = await stat(source).catch(() => null);
  if (!s) throw new AppError('VALIDATION_FAILED', `there is no file or folder ${path.resolve(source)}`);
  if (s.isDirectory()) return body(source);
  const work = await mkdtemp(path.join(tmpdir(), 'patuh-restore-'));
  try {
    try {
      await unpackBackup(source, work);
    } catch (e) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${path.resolve(source)} is not a readable Patuh backup (${(e as Error).message}); nothing was restored`,
      );
    }
    return await body(work);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export async function restoreFrom(deps: RestoreDeps, source: string): Promise<RestoreReport> {
  const r = await asFolder(source, (folder) => restoreBackup(deps, folder));
  return { ...r, folder: path.resolve(source) };
}

export async function verifyAt(source: string): Promise<VerifiedBackup> {
  const b = await asFolder(source, verifyBackup);
  return { ...b, folder: path.resolve(source) };
}
