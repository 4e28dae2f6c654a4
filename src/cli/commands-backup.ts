/** patuh backup / restore (docs/backup.md) */
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { backupTo, restoreFrom, verifyAt } from '../services/backup/archive.ts';
import { openStores } from '../services/container.ts';
import { printJson, reportError } from './runtime.ts';

/** Runs a backup or restore on the stores as configured, opened without setup (services/container.ts). */
async function withStores(
  json: boolean,
  body: (o: Awaited<ReturnType<typeof openStores>>) => Promise<void>,
): Promise<void> {
  let opened: Awaited<ReturnType<typeof openStores>> | undefined;
  try {
    opened = await openStores(loadConfig());
    await body(opened);
  } catch (e) {
    process.exitCode = reportError(e, json);
  } finally {
    await opened?.handle.close();
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
