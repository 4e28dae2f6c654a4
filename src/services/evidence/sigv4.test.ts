/**
 * SigV4 against the examples AWS publishes in the S3 API reference, "Signature
 * Calculations for the Authorization Header: Transferring Payload in a Single
 * Chunk" (examplebucket, 20130524T000000Z, us-east-1, the documentation's example
 * keys). The expected signatures are AWS's; the same values appear in the test
 * suites of several independent S3 clients.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  amzDates,
  canonicalRequest,
  EMPTY_PAYLOAD_HASH,
  headersToSign,
  type SignableRequest,
  signRequest,
  uriEncode,
} from './sigv4.ts';

const creds = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  service: 's3',
};
const now = new Date('2013-05-24T00:00:00Z');
const host = 'https://examplebucket.s3.amazonaws.com';
const signatureOf = (h: Record<string, string>) => /Signature=([0-9a-f]{64})$/.exec(h.authorization ?? '')?.[1];

describe('SigV4 (AWS examples)', () => {
  it('GET Object with a Range header', () => {
    const req: SignableRequest = {
      method: 'GET',
      url: new URL(`${host}/test.txt`),
      headers: { Range: 'bytes=0-9' },
      payloadHash: EMPTY_PAYLOAD_HASH,
    };
    const canonical = canonicalRequest(req, headersToSign(req, '20130524T000000Z'));
    expect(canonical).toBe(
      [
        'GET',
        '/test.txt',
        '',
        'host:examplebucket.s3.amazonaws.com',
        'range:bytes=0-9',
        `x-amz-content-sha256:${EMPTY_PAYLOAD_HASH}`,
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        EMPTY_PAYLOAD_HASH,
      ].join('\n'),
    );
    expect(createHash('sha256').update(canonical).digest('hex')).toBe(
      '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
    );
    const h = signRequest(req, creds, now);
    expect(h.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(h['x-amz-date']).toBe('20130524T000000Z');
  });

  it('PUT Object, with a "$" in the key and a payload', () => {
    const body = 'Welcome to Amazon S3.';
    const payloadHash = createHash('sha256').update(body).digest('hex');
    expect(payloadHash).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const h = signRequest(
      {
        method: 'PUT',
        url: new URL(`${host}/test$file.text`),
        headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
        payloadHash,
      },
      creds,
      now,
    );
    expect(h.authorization).toContain('SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,');
    expect(signatureOf(h)).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });

  it('GET Bucket lifecycle (a query parameter without a value)', () => {
    const h = signRequest(
      { method: 'GET', url: new URL(`${host}/?lifecycle`), payloadHash: EMPTY_PAYLOAD_HASH },
      creds,
      now,
    );
    expect(signatureOf(h)).toBe('fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543');
  });

  it('GET Bucket, listing objects (query parameters sorted)', () => {
    const h = signRequest(
      { method: 'GET', url: new URL(`${host}/?prefix=J&max-keys=2`), payloadHash: EMPTY_PAYLOAD_HASH },
      creds,
      now,
    );
    expect(signatureOf(h)).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
  });
});

describe('SigV4 pieces', () => {
  it('encodes like S3: unreserved characters kept, the rest as upper-case UTF-8 percent escapes', () => {
    expect(uriEncode('a b/ü$~.-_', true)).toBe('a%20b/%C3%BC%24~.-_');
    expect(uriEncode('a/b')).toBe('a%2Fb');
  });

  it('writes the dates from the clock', () => {
    expect(amzDates(new Date('2025-03-01T02:03:04.567Z'))).toEqual({
      amzDate: '20250301T020304Z',
      dateStamp: '20250301',
    });
  });
});
