/**
 * What a backup folder holds (docs/backup.md):
 *
 *   manifest.json            this, written last: a folder without it is not a backup
 *   db/<table>.jsonl         one row per line, as to_jsonb gave it, in key order
 *   evidence/ab/cd/<sha256>  every evidence file the database lists, by its hash
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const BACKUP_FORMAT = 'patuh-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0);

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  patuhVersion: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  /** the kind of database it was taken from; it restores into either kind */
  database: z.enum(['pglite', 'postgres']),
  /** the migrations applied to that database, in name order */
  migrations: z.array(z.string()),
  /** in load order: a table comes after those it references */
  tables: z.array(
    z.object({
      name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
      key: z.array(z.string()),
      file: z.string().regex(/^db\/[a-z_][a-z0-9_]*\.jsonl$/),
      rows: count,
      bytes: count,
      sha256,
    }),
  ),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.number().int(), isCalled: z.boolean() })),
  evidence: z.object({
    /** where the evidence was kept ("files in …", "s3 …") */
    source: z.string(),
    files: count,
    bytes: count,
    /** sha256 of the lines "<sha256> <size>\n" of every file, in hash order */
    listSha256: sha256,
  }),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** The version in package.json: written into every manifest. */
export const PATUH_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** The evidence list hashed into the manifest: "<sha256> <size>\n" per file, in hash order. */
export function evidenceListText(files: Array<{ sha256: string; size: number }>): string {
  return [...files]
    .sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0))
    .map((f) => `${f.sha256} ${f.size}\n`)
    .join('');
}
