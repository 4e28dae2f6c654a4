/**
 * `patuh restore FOLDER`: a backup into an empty database (of either kind) and its
 * evidence store. In order, stopping at the first problem:
 *   1. the whole folder is verified against its manifest (verify-backup.ts);
 *   2. the target must be empty: nothing in it but what setup writes by itself
 *      (the registry, the known cycles); anything else is refused (TARGET_NOT_EMPTY);
 *   3. the schema is brought to the backup's migrations;
 *   4. the evidence files go into the store (content-addressed: a file already there
 *      is the same file, and a file no row names is never served);
 *   5. one transaction replaces setup's rows with the backup's, sets the sequences,
 *      re-checks every table file's sha256 as it is loaded, and appends a
 *      `backup.restore` audit entry: it commits all of it or none;
 *   6. migrations newer than the backup run on the restored rows.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { appliedMigrations, type Database, knownMigrations, migrateTo, migrateToLatest } from '../../db/database.ts';
import { countRows, deleteRows, insertRows, listTables, writeSequence } from '../../db/logical-dump.ts';
import { appendAuditMany } from '../../db/repos/audit.ts';
import { AppError } from '../../errors.ts';
import type { BlobStore } from '../evidence/blob-store.ts';
import { PATUH_VERSION } from './manifest.ts';
import { evidencePath, tableLines, type VerifiedBackup, verifyBackup } from './verify-backup.ts';

export interface RestoreDeps {
  db: Database;
  store: BlobStore;
}

export interface RestoreReport {
  folder: string;
  manifestSha256: string;
  createdAt: string;
  tables: number;
  rows: number;
  evidenceFiles: number;
  /** migrations run after the load (the backup was older than this Patuh) */
  migrated: string[];
}

/** Tables whose rows setup writes on its own at every start: an installation holding only these is empty. */
const SETUP_TABLES = new Set([
  'regional_offices',
  'entities',
  'cycles',
  'stored_results',
  'stored_results_basis',
  'computed_unit_results',
  'computed_entity_results',
  'audit_chain_head',
  // the frozen copies of the editions the known cycles use (frozen-editions.ts)
  'instrument_editions',
]);

const BATCH = 1000;

function checkMigrations(b: VerifiedBackup): string {
  const known = knownMigrations();
  const wanted = b.manifest.migrations;
  const last = wanted.at(-1);
  const prefix = known.slice(0, wanted.length);
  if (!last || wanted.some((m, i) => prefix[i] !== m)) {
    const unknown = wanted.filter((m) => !known.includes(m));
    throw new AppError(
      'VALIDATION_FAILED',
      unknown.length > 0
        ? `the backup was made by Patuh ${b.manifest.patuhVersion} with migrations this Patuh (${PATUH_VERSION}) does not know (${unknown.join(', ')}): restore it with that version or a newer one`
        : `the backup's migrations (${wanted.join(', ')}) are not the first ${wanted.length} this Patuh knows: restore it with Patuh ${b.manifest.patuhVersion}`,
      { migrations: wanted, known },
    );
  }
  return last;
}

/** Refuses a target that holds anything setup did not write by itself. */
export async function checkTargetEmpty(db: Database): Promise<void> {
  if ((await appliedMigrations(db)).length === 0) {
    const tables = await listTables(db);
    if (tables.length === 0) return;
    throw new AppError(
      'TARGET_NOT_EMPTY',
      `the target database has tables (${tables.map((t) => t.name).join(', ')}) but no Patuh migrations: restore into a new, empty database`,
    );
  }
  const held: string[] = [];
  for (const t of await listTables(db)) {
    if (SETUP_TABLES.has(t.name)) continue;
    const n = await countRows(db, t.name);
    if (n > 0) held.push(`${t.name} (${n})`);
  }
  const head = await db.selectFrom('audit_chain_head').select('seq').executeTakeFirst();
  if ((head?.seq ?? 0) > 0) held.push(`audit chain at seq ${head?.seq}`);
  if (held.length > 0) {
    throw new AppError(
      'TARGET_NOT_EMPTY',
      `the target already holds data: ${held.join(', ')}. A restore never merges or overwrites: restore into a new, empty database (a new PATUH_DATA_DIR, or a new database in DATABASE_URL)`,
      { held },
    );
  }
}

async function putEvidence(store: BlobStore, b: VerifiedBackup): Promise<void> {
  for (const f of b.evidence) {
    const bytes = await readFile(evidencePath(b.folder, f.sha256));
    if (createHash('sha256').update(bytes).digest('hex') !== f.sha256) {
      throw new AppError('VALIDATION_FAILED', `evidence ${f.sha256} changed while it was restored; nothing was loaded`);
    }
    await store.put(f.sha256, bytes, f.mediaType);
  }
}

async function loadRows(db: Database, b: VerifiedBackup): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const present = await listTables(tx);
    const names = new Set(present.map((t) => t.name));
    const missing = b.manifest.tables.filter((t) => !names.has(t.name)).map((t) => t.name);
    if (missing.length > 0) throw new Error(`the schema has no table ${missing.join(', ')} after migrating`);
    for (const t of [...present].reverse()) {
      if (t.name !== 'audit_chain_head' && (await countRows(tx, t.name)) > 0) await deleteRows(tx, t.name);
    }
    for (const t of b.manifest.tables) {
      const seen = { sha256: '', bytes: 0, rows: 0 };
      let batch: string[] = [];
      for await (const line of tableLines(path.join(b.folder, t.file), seen)) {
        if (t.name === 'audit_chain_head') {
          const h = JSON.parse(line) as { seq: number; hash: string };
          await tx.updateTable('audit_chain_head').set({ seq: h.seq, hash: h.hash }).where('id', '=', 1).execute();
          continue;
        }
        batch.push(line);
        if (batch.length >= BATCH) {
          await insertRows(tx, t.name, batch);
          batch = [];
        }
      }
      await insertRows(tx, t.name, batch);
      if (seen.sha256 !== t.sha256 || seen.rows !== t.rows) {
        throw new AppError('VALIDATION_FAILED', `${t.file} changed while it was restored; nothing was loaded`);
      }
    }
    for (const s of b.manifest.sequences) await writeSequence(tx, s);
    await appendAuditMany(tx, [
      {
        actor: 'cli',
        action: 'backup.restore',
        subject: 'database',
        after: {
          createdAt: b.manifest.createdAt,
          patuhVersion: b.manifest.patuhVersion,
          database: b.manifest.database,
          manifestSha256: b.manifestSha256,
        },
      },
    ]);
  });
}

export async function restoreBackup(deps: RestoreDeps, folder: string): Promise<RestoreReport> {
  const b = await verifyBackup(folder);
  const last = checkMigrations(b);
  await checkTargetEmpty(deps.db);
  await migrateTo(deps.db, last);
  await putEvidence(deps.store, b);
  await loadRows(deps.db, b);
  const { applied } = await migrateToLatest(deps.db);
  return {
    folder: b.folder,
    manifestSha256: b.manifestSha256,
    createdAt: b.manifest.createdAt,
    tables: b.manifest.tables.length,
    rows: b.manifest.tables.reduce((s, t) => s + t.rows, 0),
    evidenceFiles: b.evidence.length,
    migrated: applied,
  };
}
