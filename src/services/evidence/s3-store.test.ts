/**
 * The S3 store's requests, against a stand-in for fetch: the URL (path-style), the
 * signed headers, the payload hash (the content address itself) and what each
 * status means. The signature is checked against AWS's published examples in
 * sigv4.test.ts; the store runs against a real S3-compatible server (s3rver, which
 * verifies SigV4) in test/integration/evidence-s3.test.ts; not against AWS or MinIO.
 */
import { createHash } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { S3BlobStore } from './s3-store.ts';
import { EMPTY_PAYLOAD_HASH, signRequest } from './sigv4.ts';

const config = {
  endpoint: 'http://127.0.0.1:9000/',
  bucket: 'patuh-evidence',
  region: 'ap-southeast-3',
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'secret',
};
const now = new Date('2025-03-01T02:03:04Z');
const bytes = Buffer.from('%PDF-1.4\nhello\n');
const sha = createHash('sha256').update(bytes).digest('hex');

function fakeFetch(status: number, body = '') {
  const seen: Array<{ url: string; init: RequestInit }> = [];
  const f = (async (url: URL | string, init: RequestInit = {}) => {
    seen.push({ url: String(url), init });
    return new Response(init.method !== 'HEAD' && body ? body : null, { status });
  }) as typeof fetch;
  return { f, seen };
}

describe('S3BlobStore', () => {
  it('PUTs to endpoint/bucket/evidence/ab/cd/<sha256>, signed, with the sha256 as payload hash', async () => {
    const { f, seen } = fakeFetch(200);
    await new S3BlobStore(config, { fetch: f, now: () => now }).put(sha, bytes, 'application/pdf');
    const req = seen[0];
    expect(req?.url).toBe(`http://127.0.0.1:9000/patuh-evidence/evidence/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`);
    expect(req?.init.method).toBe('PUT');
    const headers = req?.init.headers as Record<string, string>;
    expect(headers['x-amz-content-sha256']).toBe(sha);
    expect(headers['content-type']).toBe('application/pdf');
    const expected = signRequest(
      { method: 'PUT', url: new URL(req?.url ?? ''), headers: { 'content-type': 'application/pdf' }, payloadHash: sha },
      { ...config, service: 's3' },
      now,
    );
    expect(headers.authorization).toBe(expected.authorization);
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20250301\/ap-southeast-3\/s3\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
  });

  it('GETs the bytes, null for 404; HEAD answers has()', async () => {
    const ok = fakeFetch(200, 'the bytes');
    const store = new S3BlobStore(config, { fetch: ok.f, now: () => now });
    const body = await store.get(sha);
    expect(body && (await text(body))).toBe('the bytes');
    const sent = ok.seen[0]?.init.headers as Record<string, string> | undefined;
    expect(sent?.['x-amz-content-sha256']).toBe(EMPTY_PAYLOAD_HASH);
    expect(await store.has(sha)).toBe(true);
    expect(ok.seen[1]?.init.method).toBe('HEAD');

    const missing = new S3BlobStore(config, { fetch: fakeFetch(404).f });
    expect(await missing.get(sha)).toBeNull();
    expect(await missing.has(sha)).toBe(false);
  });

  it('fails loudly on anything else, naming the store and the status', async () => {
    const denied = new S3BlobStore(config, { fetch: fakeFetch(403, '<Error>SignatureDoesNotMatch</Error>').f });
    await expect(denied.put(sha, bytes, 'application/pdf')).rejects.toThrow(
      /s3 http:\/\/127\.0\.0\.1:9000\/patuh-evidence: PUT .* answered 403.*SignatureDoesNotMatch/,
    );
    await expect(denied.has(sha)).rejects.toThrow(/HEAD .* answered 403/);
    await expect(denied.get('not-a-hash')).rejects.toThrow(/not a sha256/);
  });
});
