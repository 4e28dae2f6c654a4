/**
 * Who is asking, decided once per API request: a bearer token (Authorization:
 * Bearer patuh_…) or the session cookie. A state-changing request made with the
 * session cookie must echo the CSRF token (double submit, bound to the session):
 * header x-csrf-token equal to the patuh_csrf cookie and to the session's token.
 * Bearer requests are exempt (a browser never adds that header by itself), and so
 * is signing in.
 */
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { authenticateSession, authenticateToken } from '../services/auth/authenticate.ts';
import { ANONYMOUS, type Principal } from '../services/auth/principal.ts';
import { csrfTokenFor, sameSecret } from '../services/auth/secrets.ts';
import type { ServiceContext } from '../services/context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
    /** the session secret from the cookie, when it belongs to a live session */
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'patuh_session';
export const CSRF_COOKIE = 'patuh_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const CSRF_EXEMPT = new Set(['/api/v1/auth/login']);
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function registerAuthentication(app: FastifyInstance, ctx: ServiceContext): void {
  app.decorateRequest('principal', null as unknown as Principal);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req) => {
    req.principal = ANONYMOUS;
    req.sessionToken = null;
    if (!req.url.startsWith('/api/v1/')) return;
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!m?.[1]) throw new AppError('UNAUTHENTICATED', 'use the header Authorization: Bearer patuh_…');
      req.principal = await authenticateToken(ctx, m[1]);
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const principal = await authenticateSession(ctx, token);
    if (!principal) return;
    req.principal = principal;
    req.sessionToken = token;
    if (STATE_CHANGING.has(req.method) && !CSRF_EXEMPT.has(req.routeOptions.url ?? '')) checkCsrf(req, token);
  });
}

function checkCsrf(req: FastifyRequest, sessionToken: string): void {
  const header = req.headers[CSRF_HEADER];
  const cookie = req.cookies[CSRF_COOKIE];
  const expected = csrfTokenFor(sessionToken);
  if (typeof header !== 'string' || !cookie || !sameSecret(header, cookie) || !sameSecret(header, expected)) {
    throw new AppError(
      'CSRF_FAILED',
      `this request needs the ${CSRF_HEADER} header with the value of the ${CSRF_COOKIE} cookie (sign in again if it is missing)`,
    );
  }
}

/** Sets the session and CSRF cookies. Secure when the request came over https. */
export function setSessionCookies(req: FastifyRequest, reply: FastifyReply, sessionToken: string): string {
  const secure = req.protocol === 'https';
  const csrf = csrfTokenFor(sessionToken);
  reply.setCookie(SESSION_COOKIE, sessionToken, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
  reply.setCookie(CSRF_COOKIE, csrf, { httpOnly: false, sameSite: 'lax', secure, path: '/' });
  return csrf;
}

/** Refreshes the CSRF cookie for a live session (GET /auth/me) and returns its value. */
export function setCsrfCookie(req: FastifyRequest, reply: FastifyReply, sessionToken: string): string {
  const csrf = csrfTokenFor(sessionToken);
  reply.setCookie(CSRF_COOKIE, csrf, { httpOnly: false, sameSite: 'lax', secure: req.protocol === 'https', path: '/' });
  return csrf;
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
