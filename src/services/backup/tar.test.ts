import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_ENTRY, packBackup, unpackBackup } from './tar.ts';

const sha = 'ab'.padEnd(64, 'c');
const files: Record<string, Buffer> = {
  'manifest.json': Buffer.from('{"format":"patuh-backup"}\n'),
  'db/users.jsonl': Buffer.from(`${'{"id":1}\n'.repeat(100)}`),
  'db/empty.jsonl': Buffer.alloc(0),
  [`evidence/ab/cc/${sha}`]: Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251)),
};

function folderWith(entries: Record<string, Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'patuh-tar-'));
  for (const [name, bytes] of Object.entries(entries)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }
  return dir;
}

const listed = (dir: string): string[] =>
  (
    readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{
      isFile(): boolean;
      parentPath: string;
      name: string;
    }>
  )
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

describe('backup tar', () => {
  it('packs and unpacks a backup folder byte for byte, manifest first', async () => {
    const src = folderWith(files);
    const file = path.join(src, '..', `${path.basename(src)}.tar`);
    await packBackup(src, file);
    const out = mkdtempSync(path.join(tmpdir(), 'patuh-untar-'));
    await unpackBackup(file, out);
    expect(listed(out)).toEqual(Object.keys(files).sort());
    for (const [name, bytes] of Object.entries(files))
      expect(readFileSync(path.join(out, name)).equals(bytes)).toBe(true);
    // a standard tar reads it too
    const t = spawnSync('tar', ['-tf', file], { encoding: 'utf8' });
    expect(t.status).toBe(0);
    expect(t.stdout.trim().split('\n')[0]).toBe('manifest.json');
    expect(t.stdout.trim().split('\n').sort()).toEqual(Object.keys(files).sort());
  });

  it('refuses a name that is not a backup’s, and a damaged header', async () => {
    const src = folderWith({ 'manifest.json': Buffer.from('{}'), 'notes.txt': Buffer.from('x') });
    const file = `${src}.tar`;
    await packBackup(src, file);
    await expect(unpackBackup(file, mkdtempSync(path.join(tmpdir(), 'patuh-untar-')))).rejects.toThrow(
      /"notes.txt" is not part of a Patuh backup/,
    );
    const bytes = readFileSync(file);
    bytes[3] = 0x41; // inside the first name
    writeFileSync(file, bytes);
    await expect(unpackBackup(file, mkdtempSync(path.join(tmpdir(), 'patuh-untar-')))).rejects.toThrow(/damaged/);
    for (const bad of ['../manifest.json', 'db/../../x.jsonl', '/etc/passwd', `evidence/ab/cc/${sha}/x`]) {
      expect(BACKUP_ENTRY.test(bad)).toBe(false);
    }
  });
});
