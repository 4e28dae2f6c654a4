/**
 * Evidence in S3-compatible object storage (AWS S3, MinIO, Garage, Ceph, R2 …):
 * PUT, GET and HEAD of `${endpoint}/${bucket}/evidence/ab/cd/<sha256>` (path-style
 * addressing), signed with SigV4 (sigv4.ts). The payload hash S3 checks is the
 * evidence's own sha256, so S3 refuses bytes that are not what was hashed.
 * A PUT that answers 200 is durable by S3's own guarantee.
 *
 * Tested over HTTP against s3rver (test/integration/evidence-s3.test.ts), which
 * verifies the signature but not the payload hash; not against AWS or MinIO.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { SHA256_HEX } from '../../domain/evidence/media-type.ts';
import { type BlobStore, blobKey } from './blob-store.ts';
import { EMPTY_PAYLOAD_HASH, signRequest } from './sigv4.ts';

export interface S3Config {
  /** e.g. https://s3.ap-southeast-3.amazonaws.com or http://127.0.0.1:9000 */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

type Fetch = typeof fetch;

export class S3BlobStore implements BlobStore {
  readonly description: string;
  private readonly config: S3Config;
  private readonly fetch: Fetch;
  private readonly now: () => Date;

  constructor(config: S3Config, deps: { fetch?: Fetch; now?: () => Date } = {}) {
    this.config = config;
    this.fetch = deps.fetch ?? fetch;
    this.now = deps.now ?? (() => new Date());
    this.description = `s3 ${config.endpoint.replace(/\/+$/, '')}/${config.bucket}`;
  }

  urlOf(sha256: string): URL {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256 (64 lower-case hex digits): ${sha256}`);
    return new URL(`${this.config.endpoint.replace(/\/+$/, '')}/${this.config.bucket}/evidence/${blobKey(sha256)}`);
  }

  private request(method: string, sha256: string | null, payloadHash: string, headers: Record<string, string> = {}) {
    // null: the bucket itself
    const url =
      sha256 === null
        ? new URL(`${this.config.endpoint.replace(/\/+$/, '')}/${this.config.bucket}`)
        : this.urlOf(sha256);
    const signed = signRequest({ method, url, headers, payloadHash }, { ...this.config, service: 's3' }, this.now());
    return { url, headers: signed };
  }

  private async fail(what: string, res: Response): Promise<never> {
    const body = (await res.text().catch(() => '')).slice(0, 300);
    throw new Error(`${this.description}: ${what} answered ${res.status} ${res.statusText} ${body}`.trim());
  }

  async put(sha256: string, bytes: Uint8Array, mediaType: string): Promise<void> {
    // the payload hash is the content address itself: S3 rejects bytes that do not match it
    const { url, headers } = this.request('PUT', sha256, sha256, { 'content-type': mediaType });
    const res = await this.fetch(url, { method: 'PUT', headers, body: bytes as Uint8Array<ArrayBuffer> });
    if (!res.ok) await this.fail(`PUT ${sha256}`, res);
    await res.body?.cancel();
  }

  /** HEAD of the bucket: 200 when it exists and these credentials may use it. */
  async check(): Promise<void> {
    const { url, headers } = this.request('HEAD', null, EMPTY_PAYLOAD_HASH);
    let res: Response;
    try {
      res = await this.fetch(url, { method: 'HEAD', headers });
    } catch (e) {
      throw new Error(`${this.description}: not reachable (${(e as Error).message}); check PATUH_S3_ENDPOINT`);
    }
    await res.body?.cancel();
    if (res.ok) return;
    const why =
      res.status === 404
        ? 'the bucket does not exist; create it or check PATUH_S3_BUCKET'
        : res.status === 403 || res.status === 401
          ? 'the credentials are refused; check PATUH_S3_ACCESS_KEY_ID, PATUH_S3_SECRET_ACCESS_KEY and PATUH_S3_REGION'
          : `the bucket answered ${res.status} ${res.statusText}`;
    throw new Error(`${this.description}: ${why}`);
  }

  async get(sha256: string): Promise<Readable | null> {
    const { url, headers } = this.request('GET', sha256, EMPTY_PAYLOAD_HASH);
    const res = await this.fetch(url, { method: 'GET', headers });
    if (res.status === 404) {
      // a missing key is "not held"; a missing bucket is a misconfiguration, never a quiet 404
      const body = await res.text().catch(() => '');
      if (body.includes('<Code>NoSuchBucket</Code>')) {
        throw new Error(`${this.description}: GET ${sha256} answered 404 NoSuchBucket`);
      }
      return null;
    }
    if (!res.ok || !res.body) return this.fail(`GET ${sha256}`, res);
    return Readable.fromWeb(res.body as NodeReadableStream<Uint8Array>);
  }

  async has(sha256: string): Promise<boolean> {
    const { url, headers } = this.request('HEAD', sha256, EMPTY_PAYLOAD_HASH);
    const res = await this.fetch(url, { method: 'HEAD', headers });
    await res.body?.cancel();
    if (res.status === 404) return false;
    if (!res.ok) return this.fail(`HEAD ${sha256}`, res);
    return true;
  }
}
