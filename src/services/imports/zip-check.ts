/**
 * Refuses a compression bomb before a byte of it is inflated: reads the zip's central
 * directory (a few KiB at the end of the file, flat memory) and checks the unpacked
 * sizes it declares, in total and part by part against the packed size. The reader
 * stops streaming all the same when a row or cell cap is passed (the declared sizes
 * could lie), so memory stays flat either way.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { ImportLimits } from '../../config.ts';
import { AppError } from '../../errors.ts';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
/** end-of-central-directory record (22 bytes) plus the longest comment */
const TAIL = 22 + 0xffff;
/** a part smaller than this unpacked is never a bomb, whatever its ratio */
const SMALL_PART = 1024 * 1024;

export interface ZipEntry {
  name: string;
  packed: number;
  unpacked: number;
}

/** The entries a zip's central directory declares; throws IMPORT_REJECTED when it is not a zip. */
export async function zipEntries(file: string): Promise<ZipEntry[]> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const tailSize = Math.min(size, TAIL);
    const tail = Buffer.alloc(tailSize);
    await fh.read(tail, 0, tailSize, size - tailSize);
    let eocd = -1;
    for (let i = tailSize - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    const notZip = () =>
      new AppError(
        'IMPORT_REJECTED',
        `${path.basename(file)} is not a readable XLSX workbook (no zip directory); save it again as .xlsx or export it as CSV`,
      );
    if (eocd < 0) throw notZip();
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset === 0xffffffff || dirOffset + dirSize > size || dirSize > 64 * 1024 * 1024) throw notZip();
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirOffset);
    const out: ZipEntry[] = [];
    let at = 0;
    for (let n = 0; n < count; n++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL) throw notZip();
      const packed = dir.readUInt32LE(at + 20);
      const unpacked = dir.readUInt32LE(at + 24);
      const nameLength = dir.readUInt16LE(at + 28);
      const extra = dir.readUInt16LE(at + 30);
      const comment = dir.readUInt16LE(at + 32);
      const name = dir.toString('utf8', at + 46, at + 46 + nameLength);
      // zip64 sizes (0xFFFFFFFF) stand for more than 4 GiB: over any cap
      out.push({ name, packed, unpacked: unpacked === 0xffffffff ? Number.POSITIVE_INFINITY : unpacked });
      at += 46 + nameLength + extra + comment;
    }
    return out;
  } finally {
    await fh.close();
  }
}

/** Throws PAYLOAD_TOO_LARGE when the workbook would unpack past the caps. */
export async function checkZipBomb(file: string, limits: ImportLimits): Promise<void> {
  const entries = await zipEntries(file);
  const name = path.basename(file);
  const total = entries.reduce((s, e) => s + e.unpacked, 0);
  const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;
  if (total > limits.maxUnpackedBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `${name} unpacks to ${Number.isFinite(total) ? mib(total) : 'over 4 GiB'}, more than the ${mib(limits.maxUnpackedBytes)} an import may (PATUH_IMPORT_MAX_UNPACKED_MB); split the workbook or export it as CSV`,
      { unpackedBytes: Number.isFinite(total) ? total : null, limit: limits.maxUnpackedBytes },
    );
  }
  const bomb = entries.find((e) => e.unpacked > SMALL_PART && e.unpacked > limits.maxRatio * Math.max(1, e.packed));
  if (bomb) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `${name}: its part ${bomb.name} unpacks ${Math.round(bomb.unpacked / Math.max(1, bomb.packed))} times its packed size (at most ${limits.maxRatio}); this looks like a compression bomb, not a spreadsheet`,
      { part: bomb.name, ratio: Math.round(bomb.unpacked / Math.max(1, bomb.packed)), limit: limits.maxRatio },
    );
  }
}
