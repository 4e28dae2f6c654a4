/**
 * Random secrets and their digests. The database stores only sha256 digests of
 * session and API tokens; the secrets themselves live in the browser's cookie or
 * the client's configuration and are never logged.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_PREFIX = 'patuh_';

export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * The CSRF token of a session, derived from the session secret: the browser
 * echoes it from the patuh_csrf cookie into the x-csrf-token header, and the
 * server checks it against the session itself, so a cookie planted by another
 * site (cookie tossing) does not pass.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`patuh-csrf\u0000${sessionToken}`).digest('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A new API token as the client will send it: `patuh_` and 43 base64url characters. */
export function newApiToken(): string {
  return `${TOKEN_PREFIX}${newSecret(32)}`;
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && /^[A-Za-z0-9_-]{20,200}$/.test(value.slice(TOKEN_PREFIX.length));
}
