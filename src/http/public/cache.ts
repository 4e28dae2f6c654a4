/**
 * Caching of the public API: the answers do not depend on who asks, so they may be
 * kept by browsers and shared caches for a few minutes (`public, max-age`), and are
 * revalidated with an ETag (304 when nothing changed).
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Seconds a public answer may be reused without asking again. */
export const PUBLIC_MAX_AGE = 300;

export const publicCacheControl = (maxAge = PUBLIC_MAX_AGE) => `public, max-age=${maxAge}`;

export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v.replace(/^W\//, '') === etag;
  });
}

/** Sends a JSON answer with a public Cache-Control and an ETag, or 304 when the client's copy is current. */
export function sendPublic(req: FastifyRequest, reply: FastifyReply, payload: unknown, maxAge = PUBLIC_MAX_AGE) {
  const body = JSON.stringify(payload);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', publicCacheControl(maxAge));
  if (etagMatches(req.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
}
