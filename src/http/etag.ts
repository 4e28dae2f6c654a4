/** ETag and 304 for JSON answers that depend on who asks (so: private, revalidated every time). */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v.replace(/^W\//, '') === etag;
  });
}

/** The caching of an answer that depends on who asks: kept, but revalidated every time, per session or token. */
export const PRIVATE_CACHE_HEADERS = { 'cache-control': 'private, no-cache', vary: 'Cookie, Authorization' } as const;

export function sendWithEtag(req: FastifyRequest, reply: FastifyReply, payload: unknown): FastifyReply {
  const body = JSON.stringify(payload);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).headers(PRIVATE_CACHE_HEADERS);
  if (matches(req.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
}
