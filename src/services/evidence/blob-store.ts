/**
 * Where evidence bytes live, by the sha256 of their content. Two stores: files
 * under the data directory (the default) and S3-compatible object storage
 * (s3-store.ts, when PATUH_S3_* is configured). A memory store serves tests and
 * embedders that pass nothing.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { SHA256_HEX } from '../../domain/evidence/media-type.ts';

export interface BlobStore {
  /** Stores the bytes under their sha256; resolves only once they are durable. Idempotent. */
  put(sha256: string, bytes: Uint8Array, mediaType: string): Promise<void>;
  /** The bytes as a stream, or null when the store does not hold them. */
  get(sha256: string): Promise<Readable | null>;
  has(sha256: string): Promise<boolean>;
  /**
   * Whether the store can be used at all (the folder can be made, the bucket answers to
   * these credentials); throws a message that says what to fix. `patuh serve` calls it
   * before listening, so a misconfigured store stops the start instead of failing uploads.
   */
  check(): Promise<void>;
  /** where the bytes go, for logs ("files in /data/evidence", "s3 http://…/bucket") */
  readonly description: string;
}

function checkSha(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256 (64 lower-case hex digits): ${sha256}`);
}

/** The key of a blob: ab/cd/<sha256>, so no folder holds more than 65,536 names' worth. */
export const blobKey = (sha256: string): string => `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

async function fsyncPath(p: string): Promise<void> {
  const h = await open(p, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/**
 * Files under `root` (by default `${dataDir}/evidence`), at root/ab/cd/<sha256>.
 * A put writes a temporary file beside the target, fsyncs it, renames it into
 * place (atomic: a reader sees nothing or all of it) and fsyncs the folder, so the
 * name survives a crash too.
 */
export class FileBlobStore implements BlobStore {
  readonly root: string;
  readonly description: string;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.description = `files in ${this.root}`;
  }

  pathOf(sha256: string): string {
    checkSha(sha256);
    return path.join(this.root, ...blobKey(sha256).split('/'));
  }

  async check(): Promise<void> {
    try {
      await mkdir(this.root, { recursive: true });
    } catch (e) {
      throw new Error(`${this.description}: the folder cannot be made (${(e as Error).message})`);
    }
  }

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(sha256);
    const existing = await stat(target).catch(() => null);
    if (existing?.size === bytes.length) return; // content-addressed: same name, same bytes
    const dir = path.dirname(target);
    const created = await mkdir(dir, { recursive: true });
    const temp = `${target}.${process.pid}.${crypto.randomUUID()}.tmp`;
    const h = await open(temp, 'wx', 0o640);
    try {
      await h.writeFile(bytes);
      await h.sync();
    } catch (e) {
      await h.close();
      await rm(temp, { force: true });
      throw e;
    }
    await h.close();
    try {
      await rename(temp, target);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
    await fsyncPath(dir);
    if (created) {
      // new folders: their names must be durable in their parents too
      for (let d = path.dirname(dir); d.length >= this.root.length; d = path.dirname(d)) {
        await fsyncPath(d);
        if (d === this.root) break;
      }
    }
  }

  async get(sha256: string): Promise<Readable | null> {
    const p = this.pathOf(sha256);
    if (!(await this.has(sha256))) return null;
    return createReadStream(p);
  }

  async has(sha256: string): Promise<boolean> {
    const s = await stat(this.pathOf(sha256)).catch(() => null);
    return s?.isFile() ?? false;
  }
}

/** Bytes in memory: for tests and for a server built without a configured store. */
export class MemoryBlobStore implements BlobStore {
  readonly description = 'memory (not durable)';

  async check(): Promise<void> {}
  private readonly blobs = new Map<string, Buffer>();

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    checkSha(sha256);
    this.blobs.set(sha256, Buffer.from(bytes));
  }

  async get(sha256: string): Promise<Readable | null> {
    const b = this.blobs.get(sha256);
    return b ? Readable.from([b]) : null;
  }

  async has(sha256: string): Promise<boolean> {
    return this.blobs.has(sha256);
  }
}
