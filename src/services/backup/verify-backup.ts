/**
 * Reading a backup folder back: the manifest, and every part checked against it
 * (sizes, row counts and sha256 of the table files; each evidence file hashed and
 * compared with its name and the size the database lists). A restore runs this
 * before it writes anything; `patuh restore --check` runs only this.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { AppError } from '../../errors.ts';
import { blobKey } from '../evidence/blob-store.ts';
import { evidenceListText, MANIFEST_FILE, type Manifest, manifestSchema } from './manifest.ts';

export interface EvidenceEntry {
  sha256: string;
  size: number;
  mediaType: string;
}

export interface VerifiedBackup {
  folder: string;
  manifest: Manifest;
  manifestSha256: string;
  evidence: EvidenceEntry[];
}

const damaged = (folder: string, what: string) =>
  new AppError('VALIDATION_FAILED', `the backup in ${folder} is damaged: ${what}; nothing was restored`, { folder });

/** The lines of a table file, with its sha256 and size computed on the way. */
export async function* tableLines(
  file: string,
  seen: { sha256: string; bytes: number; rows: number },
): AsyncGenerator<string> {
  const hash = createHash('sha256');
  const input = createReadStream(file);
  input.on('data', (c) => {
    hash.update(c);
    seen.bytes += c.length;
  });
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line === '') continue;
    seen.rows += 1;
    yield line;
  }
  seen.sha256 = hash.digest('hex');
}

export const evidencePath = (folder: string, sha256: string): string =>
  path.join(folder, 'evidence', ...blobKey(sha256).split('/'));

export async function verifyBackup(folder: string): Promise<VerifiedBackup> {
  const root = path.resolve(folder);
  const text = await readFile(path.join(root, MANIFEST_FILE), 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new AppError(
      'VALIDATION_FAILED',
      e.code === 'ENOENT'
        ? `${root} is not a Patuh backup (it has no ${MANIFEST_FILE}; an interrupted backup never has one)`
        : `${path.join(root, MANIFEST_FILE)} cannot be read (${e.message})`,
      { folder: root },
    );
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw damaged(root, `${MANIFEST_FILE} is not JSON`);
  }
  const m = manifestSchema.safeParse(parsed);
  if (!m.success) {
    const first = m.error.issues[0];
    throw damaged(root, `${MANIFEST_FILE}: ${first?.path.join('.') ?? ''} ${first?.message ?? 'not a manifest'}`);
  }
  const manifest = m.data;
  const evidence: EvidenceEntry[] = [];
  for (const t of manifest.tables) {
    const seen = { sha256: '', bytes: 0, rows: 0 };
    try {
      for await (const line of tableLines(path.join(root, t.file), seen)) {
        if (t.name !== 'evidence') continue;
        const r = JSON.parse(line) as { sha256: string; size: number; media_type: string };
        evidence.push({ sha256: r.sha256, size: r.size, mediaType: r.media_type });
      }
    } catch (e) {
      throw damaged(root, `${t.file} cannot be read (${(e as Error).message})`);
    }
    if (seen.sha256 !== t.sha256 || seen.bytes !== t.bytes || seen.rows !== t.rows) {
      throw damaged(
        root,
        `${t.file} has ${seen.rows} rows, ${seen.bytes} bytes, sha256 ${seen.sha256}; the manifest says ${t.rows}, ${t.bytes}, ${t.sha256}`,
      );
    }
  }
  const list = createHash('sha256').update(evidenceListText(evidence)).digest('hex');
  if (list !== manifest.evidence.listSha256 || evidence.length !== manifest.evidence.files) {
    throw damaged(root, 'the evidence the database lists is not the evidence the manifest lists');
  }
  for (const f of evidence) {
    const bytes = await readFile(evidencePath(root, f.sha256)).catch(() => null);
    if (!bytes) throw damaged(root, `evidence ${f.sha256} is missing`);
    const got = createHash('sha256').update(bytes).digest('hex');
    if (got !== f.sha256 || bytes.length !== f.size) throw damaged(root, `evidence ${f.sha256} has other bytes`);
  }
  return { folder: root, manifest, manifestSha256: createHash('sha256').update(text).digest('hex'), evidence };
}
