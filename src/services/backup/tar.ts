/**
 * A backup folder as one POSIX tar (ustar) file, and back: regular files only,
 * names as a backup has them (manifest.ts). Small on purpose: a backup's names are
 * short and known, so the reader refuses any other name (no "../", no links) and
 * any file of 8 GiB or more (ustar's size field).
 */
import { mkdir, open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const BLOCK = 512;
const MAX_SIZE = 8 ** 11 - 1;
/** the only names a backup holds */
export const BACKUP_ENTRY =
  /^(manifest\.json|db\/[a-z_][a-z0-9_]*\.jsonl|evidence\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64})$/;

function octal(buf: Buffer, offset: number, length: number, value: number): void {
  buf.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, length, 'ascii');
}

function header(name: string, size: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  octal(h, 100, 8, 0o600);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, mtime);
  h.write('        ', 148, 8, 'ascii'); // the checksum counts its own field as spaces
  h.write('0', 156, 1, 'ascii');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return h;
}

async function filesUnder(root: string, dir = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await filesUnder(root, rel)));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

/** Packs a backup folder into `file` (created, never overwritten), manifest first, and fsyncs it. */
export async function packBackup(folder: string, file: string): Promise<void> {
  const names = (await filesUnder(folder)).sort((a, b) =>
    a === 'manifest.json' ? -1 : b === 'manifest.json' ? 1 : a < b ? -1 : 1,
  );
  const out = await open(file, 'wx', 0o600);
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (const name of names) {
      const src = path.join(folder, ...name.split('/'));
      const s = await stat(src);
      if (s.size > MAX_SIZE) throw new Error(`${name} is 8 GiB or more: back up into a folder instead of a .tar`);
      await out.write(header(name, s.size, Math.floor(s.mtimeMs / 1000)));
      const h = await open(src, 'r');
      try {
        for (let done = 0; done < s.size; ) {
          const { bytesRead } = await h.read(chunk, 0, chunk.length, done);
          if (bytesRead === 0) throw new Error(`${name} shrank while it was packed`);
          await out.write(chunk.subarray(0, bytesRead));
          done += bytesRead;
        }
      } finally {
        await h.close();
      }
      const pad = (BLOCK - (s.size % BLOCK)) % BLOCK;
      if (pad > 0) await out.write(Buffer.alloc(pad));
    }
    await out.write(Buffer.alloc(2 * BLOCK));
    await out.sync();
  } finally {
    await out.close();
  }
}

/** Unpacks a backup tar into an empty folder; throws naming the first entry that is not a backup's. */
export async function unpackBackup(file: string, folder: string): Promise<void> {
  const h = await open(file, 'r');
  try {
    const size = (await h.stat()).size;
    const block = Buffer.alloc(BLOCK);
    const chunk = Buffer.alloc(1 << 20);
    for (let at = 0; at + BLOCK <= size; ) {
      await h.read(block, 0, BLOCK, at);
      if (block.every((b) => b === 0)) return;
      const field = (o: number, n: number) => block.toString('utf8', o, o + n).replace(/\0.*$/s, '');
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (block[i] as number);
      if (Number.parseInt(field(148, 8).trim(), 8) !== sum) throw new Error(`the header at byte ${at} is damaged`);
      const prefix = field(345, 155);
      const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
      const length = Number.parseInt(field(124, 12).trim() || '0', 8);
      const type = field(156, 1);
      at += BLOCK;
      if (type === '5') continue; // a folder: made as files need it
      if ((type !== '0' && type !== '') || !BACKUP_ENTRY.test(name)) {
        throw new Error(`"${name}" is not part of a Patuh backup`);
      }
      const target = path.join(folder, ...name.split('/'));
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const out = await open(target, 'wx', 0o600);
      try {
        for (let done = 0; done < length; ) {
          const { bytesRead } = await h.read(chunk, 0, Math.min(chunk.length, length - done), at + done);
          if (bytesRead === 0) throw new Error(`${name} is cut short`);
          await out.write(chunk.subarray(0, bytesRead));
          done += bytesRead;
        }
      } finally {
        await out.close();
      }
      at += Math.ceil(length / BLOCK) * BLOCK;
    }
  } finally {
    await h.close();
  }
}
