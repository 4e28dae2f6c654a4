/**
 * `patuh backup FOLDER`: the database and the evidence it lists, into a new folder
 * (manifest.ts). The database is read in one REPEATABLE READ, READ ONLY
 * transaction (one snapshot; on PostgreSQL it takes no lock a writer waits for);
 * the evidence files are copied after it ends, so the snapshot is held only while
 * rows are read. Evidence is content-addressed and never removed, and its bytes are
 * stored before its row, so every file the snapshot lists is in the store. The
 * backup is written beside FOLDER and renamed into place when complete.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { appliedMigrations, type Database } from '../../db/database.ts';
import { listTables, readRows, readSequences, setDumpSettings } from '../../db/logical-dump.ts';
import { AppError } from '../../errors.ts';
import { type BlobStore, blobKey } from '../evidence/blob-store.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  evidenceListText,
  MANIFEST_FILE,
  type Manifest,
  PATUH_VERSION,
} from './manifest.ts';

export interface BackupDeps {
  db: Database;
  kind: 'pglite' | 'postgres';
  store: BlobStore;
  now?: () => Date;
  /** runs inside the snapshot after its first table is read (tests: a write meanwhile must not block, nor be seen) */
  onSnapshot?: () => Promise<void>;
}

export interface BackupReport {
  folder: string;
  manifestSha256: string;
  createdAt: string;
  tables: number;
  rows: number;
  evidenceFiles: number;
  evidenceBytes: number;
}

interface EvidenceFile {
  sha256: string;
  size: number;
}

const sha256Hex = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');

async function refuseExisting(folder: string): Promise<boolean> {
  const entries = await readdir(folder).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (entries === null) return false;
  if (entries.length > 0) {
    throw new AppError(
      'CONFLICT',
      `${folder} is not empty: name a new folder for the backup (it is never overwritten)`,
      {
        folder,
      },
    );
  }
  return true;
}

/** Writes text and fsyncs it; answers its sha256 and size. */
async function writeDurable(file: string, chunks: AsyncIterable<string | Uint8Array> | Iterable<string>) {
  const hash = createHash('sha256');
  let bytes = 0;
  const h = await open(file, 'wx', 0o600);
  try {
    for await (const c of chunks) {
      const b = typeof c === 'string' ? Buffer.from(c) : c;
      hash.update(b);
      bytes += b.length;
      await h.write(b);
    }
    await h.sync();
  } finally {
    await h.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}

async function dumpDatabase(deps: BackupDeps, dir: string, createdAt: string) {
  const { db, kind } = deps;
  const evidence: EvidenceFile[] = [];
  const manifest = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (tx) => {
      await setDumpSettings(tx);
      const migrations = await appliedMigrations(tx);
      if (migrations.length === 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          kind === 'pglite'
            ? 'the database has no Patuh tables: check PATUH_DATA_DIR (the folder that holds pglite/ and evidence/)'
            : 'the database has no Patuh tables: check DATABASE_URL',
        );
      }
      const tables = await listTables(tx);
      const sequences = await readSequences(tx);
      const parts: Manifest['tables'] = [];
      for (const t of tables) {
        let rows = 0;
        const file = `db/${t.name}.jsonl`;
        async function* lines() {
          for await (const batch of readRows(tx, t)) {
            rows += batch.length;
            if (t.name === 'evidence') {
              for (const j of batch) {
                const r = JSON.parse(j) as { sha256: string; size: number };
                evidence.push({ sha256: r.sha256, size: r.size });
              }
            }
            yield `${batch.join('\n')}\n`;
          }
        }
        const written = await writeDurable(path.join(dir, file), lines());
        parts.push({ name: t.name, key: t.key, file, rows, ...written });
        if (parts.length === 1) await deps.onSnapshot?.();
      }
      return { migrations, tables: parts, sequences };
    });
  return {
    manifest: {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      patuhVersion: PATUH_VERSION,
      createdAt,
      database: kind,
      ...manifest,
    } as const,
    evidence,
  };
}

/** Copies one file out of the store, checking that its bytes are the ones its name says. */
async function copyEvidence(store: BlobStore, dir: string, f: EvidenceFile): Promise<void> {
  const stream = await store.get(f.sha256);
  if (!stream) {
    throw new AppError(
      'INTERNAL',
      `evidence ${f.sha256} is listed in the database but missing from the store (${store.description}); the backup is not complete`,
    );
  }
  const target = path.join(dir, 'evidence', ...blobKey(f.sha256).split('/'));
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const got = await writeDurable(target, stream as AsyncIterable<Uint8Array>);
  if (got.sha256 !== f.sha256 || got.bytes !== f.size) {
    throw new AppError(
      'INTERNAL',
      `evidence ${f.sha256} in the store (${store.description}) has other bytes than its hash says (${got.bytes} bytes, sha256 ${got.sha256}); the store is damaged`,
    );
  }
}

export async function createBackup(deps: BackupDeps, folder: string): Promise<BackupReport> {
  const target = path.resolve(folder);
  const existsEmpty = await refuseExisting(target);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}-${Date.now()}`;
  await mkdir(path.join(partial, 'db'), { recursive: true, mode: 0o700 });
  try {
    const createdAt = (deps.now?.() ?? new Date()).toISOString();
    const { manifest: base, evidence } = await dumpDatabase(deps, partial, createdAt);
    evidence.sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
    for (const f of evidence) await copyEvidence(deps.store, partial, f);
    const manifest: Manifest = {
      ...base,
      evidence: {
        source: deps.store.description,
        files: evidence.length,
        bytes: evidence.reduce((s, f) => s + f.size, 0),
        listSha256: sha256Hex(evidenceListText(evidence)),
      },
    };
    const text = `${JSON.stringify(manifest, null, 2)}\n`;
    await writeDurable(path.join(partial, MANIFEST_FILE), [text]);
    if (existsEmpty) await rmdir(target);
    await rename(partial, target);
    return {
      folder: target,
      manifestSha256: sha256Hex(text),
      createdAt,
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((s, t) => s + t.rows, 0),
      evidenceFiles: manifest.evidence.files,
      evidenceBytes: manifest.evidence.bytes,
    };
  } catch (e) {
    await rm(partial, { recursive: true, force: true });
    throw e;
  }
}
