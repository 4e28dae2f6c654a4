/**
 * ETags and caching of JSON answers, in one place.
 * - private answers depend on who asks: kept, but revalidated every time, per session or token;
 * - public answers are the same for everyone: `public, max-age` and revalidated with the ETag.
 * Either way a client whose copy is current gets 304.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Seconds a public answer may be reused without asking again. */
export const PUBLIC_MAX_AGE = 300;

export const publicCacheControl = (maxAge = PUBLIC_MAX_AGE) => `public, max-age=${maxAge}`;

/** The caching of an answer that depends on who asks: kept, but revalidated every time, per session or token. */
export const PRIVATE_CACHE_HEADERS = { 'cache-control': 'private, no-cache', vary: 'Cookie, Authorization' } as const;

/** Whether an If-None-Match header names this ETag (weak or strong, or `*`). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v.replace(/^W\//, '') === etag;
  });
}

function sendJson(
  req: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  headers: Record<string, string>,
): FastifyReply {
  const body = JSON.stringify(payload);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).headers(headers);
  if (etagMatches(req.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
}

/** A JSON answer that depends on who asks, with an ETag (304 when the client's copy is current). */
export function sendWithEtag(req: FastifyRequest, reply: FastifyReply, payload: unknown): FastifyReply {
  return sendJson(req, reply, payload, PRIVATE_CACHE_HEADERS);
}

/** A JSON answer that is the same for everyone: public Cache-Control and an ETag. */
export function sendPublic(req: FastifyRequest, reply: FastifyReply, payload: unknown, maxAge = PUBLIC_MAX_AGE) {
  return sendJson(req, reply, payload, { 'cache-control': publicCacheControl(maxAge) });
}
