/** patuh backup / restore (docs/backup.md) */
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { backupTo, restoreFrom, verifyAt } from '../services/backup/archive.ts';
import type { BlobStore } from '../services/evidence/blob-store.ts';
import { evidenceStorageFrom } from '../services/evidence/storage.ts';
import { printJson, reportError } from './runtime.ts';

/**
 * The database as configured and the evidence store, opened without setup: a backup
 * only reads, and a restore must find the target as it is (setup would write to it).
 */
async function withStores(
  json: boolean,
  body: (o: { handle: DatabaseHandle; store: BlobStore }) => Promise<void>,
): Promise<void> {
  let handle: DatabaseHandle | undefined;
  try {
    const config = loadConfig();
    const { store } = evidenceStorageFrom(config);
    await store.check();
    handle = await openDatabase(config.database);
    await body({ handle, store });
  } catch (e) {
    process.exitCode = reportError(e, json);
  } finally {
    await handle?.close();
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('write the database and every evidence file into a new folder or .tar file (docs/backup.md)')
    .argument('<folder-or-file.tar>', 'a new or empty folder, or a new FILE.tar; never overwritten')
    .option('--json', 'print JSON')
    .action(async (folder: string, o: { json?: boolean }) =>
      withStores(o.json ?? false, async ({ handle, store }) => {
        const r = await backupTo({ db: handle.db, kind: handle.kind, store }, folder);
        if (o.json) return printJson(r);
        console.log(`backup written to ${r.folder}`);
        console.log(`  ${r.tables} tables, ${r.rows} rows; ${r.evidenceFiles} evidence files (${mb(r.evidenceBytes)})`);
        console.log(`  taken at ${r.createdAt}; manifest sha256 ${r.manifestSha256}`);
      }),
    );

  program
    .command('restore')
    .description('restore a backup into an empty database and its evidence store (docs/backup.md)')
    .argument('<folder-or-file.tar>', 'a folder or .tar file written by patuh backup')
    .option('--check', 'only verify the backup against its manifest; write nothing')
    .option('--json', 'print JSON')
    .action(async (folder: string, o: { check?: boolean; json?: boolean }) => {
      if (o.check) {
        try {
          const b = await verifyAt(folder);
          const r = { folder: b.folder, manifestSha256: b.manifestSha256, createdAt: b.manifest.createdAt };
          if (o.json) printJson({ ...r, intact: true });
          else console.log(`intact: backup of ${r.createdAt} in ${r.folder} (manifest sha256 ${r.manifestSha256})`);
        } catch (e) {
          process.exitCode = reportError(e, o.json ?? false);
        }
        return;
      }
      await withStores(o.json ?? false, async ({ handle, store }) => {
        const r = await restoreFrom({ db: handle.db, store }, folder);
        if (o.json) return printJson(r);
        console.log(`restored the backup of ${r.createdAt} from ${r.folder}`);
        console.log(`  ${r.tables} tables, ${r.rows} rows; ${r.evidenceFiles} evidence files`);
        if (r.migrated.length > 0) console.log(`  then migrated: ${r.migrated.join(', ')}`);
        console.log('  run `patuh audit verify` to check the audit chain');
      });
    });
}
