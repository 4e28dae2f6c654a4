/** The evidence store and size limit, built once from the configuration (serve) or by a test. */
import path from 'node:path';
import type { Config } from '../../config.ts';
import { type BlobStore, FileBlobStore, MemoryBlobStore } from './blob-store.ts';
import { S3BlobStore } from './s3-store.ts';

export interface EvidenceStorage {
  store: BlobStore;
  /** the largest file accepted, in bytes */
  limitBytes: number;
}

export const DEFAULT_EVIDENCE_LIMIT_BYTES = 10 * 1024 * 1024;

/** S3 when PATUH_S3_* is configured, else files under `${dataDir}/evidence`. */
export function evidenceStorageFrom(config: Pick<Config, 'dataDir' | 'evidence'>): EvidenceStorage {
  const store = config.evidence.s3
    ? new S3BlobStore(config.evidence.s3)
    : new FileBlobStore(path.join(config.dataDir, 'evidence'));
  return { store, limitBytes: config.evidence.limitBytes };
}

/** For a server built without storage (tests, embedders): memory, the default limit. */
export const memoryEvidenceStorage = (): EvidenceStorage => ({
  store: new MemoryBlobStore(),
  limitBytes: DEFAULT_EVIDENCE_LIMIT_BYTES,
});
