/**
 * AWS Signature Version 4 for S3 requests with the Authorization header, written
 * out from the specification ("Authenticating Requests: Using the Authorization
 * Header", AWS S3 API reference) so that no SDK is needed. Checked against the
 * examples AWS publishes there (sigv4.test.ts).
 *
 *   canonical request = method \n canonical URI \n canonical query \n canonical headers \n signed headers \n payload hash
 *   string to sign    = "AWS4-HMAC-SHA256" \n amz-date \n scope \n hex(sha256(canonical request))
 *   signing key       = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")
 *   signature         = hex(HMAC(signing key, string to sign))
 */
import { createHash, createHmac } from 'node:crypto';

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** "s3" */
  service: string;
}

export interface SignableRequest {
  method: string;
  url: URL;
  /** headers to sign besides host, x-amz-date and x-amz-content-sha256 (which are added) */
  headers?: Record<string, string>;
  /** hex sha256 of the body ("e3b0c442…" for none), or UNSIGNED-PAYLOAD */
  payloadHash: string;
}

export const EMPTY_PAYLOAD_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const sha256Hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: string | Buffer, s: string): Buffer => createHmac('sha256', key).update(s, 'utf8').digest();

/** URI-encodes as SigV4 asks: everything but A–Z a–z 0–9 - . _ ~ (and "/" in paths), upper-case hex. */
export function uriEncode(s: string, keepSlash = false): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** "20130524T000000Z" and "20130524" */
export function amzDates(now: Date): { amzDate: string; dateStamp: string } {
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return { amzDate, dateStamp: amzDate.slice(0, 8) };
}

/** The path, each segment encoded once (S3 does not double-encode). */
function canonicalUri(url: URL): string {
  return url.pathname
    .split('/')
    .map((seg) => uriEncode(decodeURIComponent(seg)))
    .join('/');
}

function canonicalQuery(url: URL): string {
  return [...url.searchParams]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** Every header that is signed, lower-cased, with values trimmed and inner runs of spaces collapsed. */
export function headersToSign(req: SignableRequest, amzDate: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const [k, v] of Object.entries(req.headers ?? {})) all.set(k.toLowerCase(), v.trim().replace(/ +/g, ' '));
  all.set('host', req.url.host);
  all.set('x-amz-date', amzDate);
  all.set('x-amz-content-sha256', req.payloadHash);
  return new Map([...all].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function canonicalRequest(req: SignableRequest, headers: Map<string, string>): string {
  return [
    req.method.toUpperCase(),
    canonicalUri(req.url),
    canonicalQuery(req.url),
    [...headers].map(([k, v]) => `${k}:${v}\n`).join(''),
    [...headers.keys()].join(';'),
    req.payloadHash,
  ].join('\n');
}

export function stringToSign(canonical: string, amzDate: string, scope: string): string {
  return ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
}

export function signingKey(secret: string, dateStamp: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, dateStamp), region), service), 'aws4_request');
}

/**
 * The headers to send: the request's own, plus x-amz-date, x-amz-content-sha256
 * and Authorization (host is set by fetch from the URL, as signed).
 */
export function signRequest(req: SignableRequest, creds: SigV4Credentials, now: Date): Record<string, string> {
  const { amzDate, dateStamp } = amzDates(now);
  const scope = `${dateStamp}/${creds.region}/${creds.service}/aws4_request`;
  const headers = headersToSign(req, amzDate);
  const canonical = canonicalRequest(req, headers);
  const signature = createHmac('sha256', signingKey(creds.secretAccessKey, dateStamp, creds.region, creds.service))
    .update(stringToSign(canonical, amzDate, scope), 'utf8')
    .digest('hex');
  const out: Record<string, string> = { ...(req.headers ?? {}) };
  out['x-amz-date'] = amzDate;
  out['x-amz-content-sha256'] = req.payloadHash;
  out.authorization =
    `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, ` +
    `SignedHeaders=${[...headers.keys()].join(';')}, Signature=${signature}`;
  return out;
}
