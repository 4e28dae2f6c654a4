/**
 * An S3-compatible server in this process: s3rver (the @20minutes/s3rver fork, which
 * verifies SigV4 header signatures; s3rver 3.7.1 on npm accepts any signature) on
 * 127.0.0.1 with an ephemeral port, objects in a temporary folder.
 *
 * It knows one key pair, S3RVER / S3RVER. It checks the Authorization header's
 * signature, the access key id and that x-amz-content-sha256 is present; it does not
 * check that the body matches x-amz-content-sha256 (real S3 does), it accepts
 * requests with no Authorization header at all, and it does not enforce the
 * 15-minute clock skew on an x-amz-date header.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { S3Config } from '../../src/services/evidence/s3-store.ts';
import { EMPTY_PAYLOAD_HASH, signRequest } from '../../src/services/evidence/sigv4.ts';

interface S3rverServer {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  /** path-style addressing only: the host is never read as a bucket name */
  vhostBuckets: boolean;
}) => S3rverServer;

// CommonJS without type declarations: typed here, at the one place it is loaded
const S3rver = createRequire(import.meta.url)('@20minutes/s3rver') as S3rverClass;

export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface RunningS3 {
  endpoint: string;
  /** a store configuration for `bucket` with the server's credentials */
  configFor(bucket: string): S3Config;
  /** creates a bucket with a SigV4-signed PUT (the project's signer) */
  createBucket(bucket: string): Promise<void>;
  close(): Promise<void>;
}

export async function startS3rver(): Promise<RunningS3> {
  const directory = mkdtempSync(path.join(tmpdir(), 'patuh-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, vhostBuckets: false });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const configFor = (bucket: string): S3Config => ({
    endpoint,
    bucket,
    region: 'ap-southeast-3',
    ...S3RVER_CREDENTIALS,
  });
  return {
    endpoint,
    configFor,
    async createBucket(bucket) {
      const url = new URL(`${endpoint}/${bucket}`);
      const headers = signRequest(
        { method: 'PUT', url, payloadHash: EMPTY_PAYLOAD_HASH },
        { ...configFor(bucket), service: 's3' },
        new Date(),
      );
      const res = await fetch(url, { method: 'PUT', headers });
      if (!res.ok) throw new Error(`creating bucket ${bucket}: ${res.status} ${await res.text()}`);
      await res.body?.cancel();
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
