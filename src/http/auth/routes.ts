/** Signing in and out: POST login, GET me, POST logout, POST logout-all. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.ts';
import { authenticateSession } from '../../services/auth/authenticate.ts';
import { describePrincipal } from '../../services/auth/describe-principal.ts';
import { type LoginGuard, login } from '../../services/auth/login.ts';
import { logout, logoutEverywhere } from '../../services/auth/logout.ts';
import type { ServiceContext } from '../../services/context.ts';
import { loginBody } from '../../shared/api-schemas.ts';
import { clearSessionCookies, setCsrfCookie, setSessionCookies } from '../auth-hook.ts';
import { describe, parse } from '../route-kit.ts';

export function registerAuthRoutes(app: FastifyInstance, ctx: ServiceContext, guard: LoginGuard): void {
  const tags = ['auth'];

  app.post(
    '/api/v1/auth/login',
    describe({ tags, summary: 'Sign in; sets the session and CSRF cookies', body: loginBody }),
    async (req, reply) => {
      const body = parse(loginBody, req.body);
      const session = await login(ctx, guard, {
        email: body.email,
        password: body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      if (req.sessionToken) await logout(ctx, req.sessionToken); // a new sign-in replaces the old session
      const principal = await authenticateSession(ctx, session.sessionToken);
      if (!principal) throw new AppError('INTERNAL', 'the new session could not be read back');
      const csrfToken = setSessionCookies(req, reply, session.sessionToken);
      return { data: { user: await describePrincipal(ctx, principal), csrfToken } };
    },
  );

  app.get(
    '/api/v1/auth/me',
    describe({ tags, summary: 'Who is signed in (refreshes the CSRF cookie)', access: 'signed-in' }),
    async (req, reply) => {
      const user = await describePrincipal(ctx, req.principal);
      const csrfToken = req.sessionToken ? setCsrfCookie(req, reply, req.sessionToken) : null;
      return { data: { user, csrfToken } };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    describe({ tags, summary: 'Sign out of this session', access: 'signed-in' }),
    async (req, reply) => {
      if (req.principal.kind === 'token')
        throw new AppError('FORBIDDEN', 'an API token has no session: revoke the token instead');
      if (req.sessionToken) await logout(ctx, req.sessionToken);
      clearSessionCookies(reply);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/auth/logout-all',
    describe({ tags, summary: 'Sign out of every session of this user', access: 'signed-in' }),
    async (req, reply) => {
      const { sessions } = await logoutEverywhere(ctx, req.principal);
      clearSessionCookies(reply);
      return { data: { sessions } };
    },
  );
}
