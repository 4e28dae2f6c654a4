/**
 * The HTTP server: Fastify with one error shape, security headers, the principal
 * of every API request, routes per area, OpenAPI, and the web app when built.
 * Validation is zod's alone (shared/api-schemas.ts): Fastify's validator is a no-op,
 * so every bad request gets our error shape.
 */
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import type { ImportLimits } from '../config.ts';
import { fromDatabaseError } from '../database-errors.ts';
import { AppError, isAppError } from '../errors.ts';
import { createLoginGuard, type LoginGuard } from '../services/auth/login.ts';
import type { ServiceContext } from '../services/context.ts';
import { type EvidenceStorage, memoryEvidenceStorage } from '../services/evidence/storage.ts';
import { registerAuditRoutes } from './audit/routes.ts';
import { registerAuthRoutes } from './auth/routes.ts';
import { registerAuthentication } from './auth-hook.ts';
import { registerCycleRoutes } from './cycles/routes.ts';
import { registerEvidenceRoutes } from './evidence/routes.ts';
import { registerFieldworkRoutes } from './fieldwork/routes.ts';
import { registerFollowUpRoutes } from './follow-up/routes.ts';
import { registerImportRoutes } from './imports/routes.ts';
import { registerInputGuard } from './input-guard.ts';
import { registerInstrumentRoutes } from './instrument/routes.ts';
import { registerInstrumentCatalogRoutes } from './instrument-catalog/routes.ts';
import { registerObjectionInboxRoutes } from './objections/inbox-routes.ts';
import { registerObjectionRoutes } from './objections/routes.ts';
import { registerOpenApi, registerOpenApiRoutes } from './openapi.ts';
import { registerPublicRoutes } from './public/routes.ts';
import { registerRegistryRoutes } from './registry/routes.ts';
import { registerResultRoutes } from './results/routes.ts';
import { registerSecurity } from './security.ts';
import { registerSupervisionRoutes } from './supervision/routes.ts';
import { registerUserRoutes } from './users/routes.ts';
import { DEFAULT_WEB_DIST, registerWebApp, sendAppShell } from './web-app.ts';

export interface ServerOptions {
  logLevel?: string;
  /** the built web app; null serves none (tests). Default: web/dist when it exists */
  webDist?: string | null;
  uploadLimitBytes?: number;
  /** caps of one import (config.ts); default DEFAULT_IMPORT_LIMITS */
  importLimits?: ImportLimits;
  /** the proxies whose X-Forwarded-* headers are believed (addresses or CIDRs); default none */
  trustProxy?: readonly string[];
  loginGuard?: LoginGuard;
  /** where the log goes (default stdout); tests read it to prove secrets stay out */
  logStream?: { write(line: string): void };
  /** called for every route as it is registered (the authorization-matrix test lists them) */
  onRoute?: (route: RouteOptions) => void;
  /** where evidence goes and its size limit; `patuh serve` passes the configured store. Default: memory */
  evidence?: EvidenceStorage;
}

export const JSON_BODY_LIMIT = 1024 * 1024;

export async function buildServer(ctx: ServiceContext, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const level = opts.logLevel ?? 'info';
  const app = Fastify({
    logger:
      level === 'silent'
        ? false
        : {
            level,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
            redact: {
              paths: [
                'req.headers.cookie',
                'req.headers.authorization',
                'req.headers["x-csrf-token"]',
                'res.headers["set-cookie"]',
                'body.password',
                '*.password',
                '*.token',
              ],
              censor: '[redacted]',
            },
          },
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: opts.trustProxy && opts.trustProxy.length > 0 ? [...opts.trustProxy] : false,
    genReqId: () => crypto.randomUUID(),
  });
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  app.setValidatorCompiler(() => () => true);
  app.setErrorHandler((error, request, reply) => {
    if (isAppError(error)) {
      const retry = (error.details as { retryAfterSeconds?: number } | null)?.retryAfterSeconds;
      if (retry) void reply.header('retry-after', String(retry));
      return reply.status(error.status).send(error.toJSON());
    }
    const e = error as { statusCode?: number; code?: string; message: string };
    if (e.statusCode === 413) {
      return reply.status(413).send(new AppError('PAYLOAD_TOO_LARGE', 'the request body is too large').toJSON());
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.status(e.statusCode).send(new AppError('MALFORMED_REQUEST', e.message).toJSON());
    }
    const problem = fromDatabaseError(error);
    if (problem) {
      request.log.warn({ sqlstate: problem.details, url: request.routeOptions.url }, 'database refused the input');
      return reply.status(problem.status).send(problem.toJSON());
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send(new AppError('INTERNAL', 'something went wrong on our side; it has been logged').toJSON());
  });
  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
    if (req.url.startsWith('/api/v1/') && !reply.hasHeader('cache-control'))
      void reply.header('cache-control', 'no-store');
  });

  await registerSecurity(app, { uploadLimitBytes: opts.uploadLimitBytes ?? 50 * 1024 * 1024 });
  await registerOpenApi(app);
  registerAuthentication(app, ctx);
  registerInputGuard(app);

  app.get('/api/v1/health', { schema: { tags: ['health'], summary: 'Liveness' } }, async () => ({ ok: true }));
  registerAuthRoutes(app, ctx, opts.loginGuard ?? createLoginGuard());
  registerCycleRoutes(app, ctx);
  registerResultRoutes(app, ctx);
  registerInstrumentRoutes(app, ctx);
  registerRegistryRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerImportRoutes(app, ctx, opts.importLimits);
  registerSupervisionRoutes(app, ctx);
  registerFieldworkRoutes(app, ctx);
  registerEvidenceRoutes(app, ctx, opts.evidence ?? memoryEvidenceStorage());
  registerAuditRoutes(app, ctx);
  registerInstrumentCatalogRoutes(app, ctx);
  registerPublicRoutes(app, ctx);
  registerFollowUpRoutes(app, ctx);
  registerObjectionRoutes(app, ctx);
  registerObjectionInboxRoutes(app, ctx);
  await registerOpenApiRoutes(app);

  const withApp = await registerWebApp(app, opts.webDist === undefined ? DEFAULT_WEB_DIST : opts.webDist);
  app.setNotFoundHandler((request, reply) => {
    if (withApp && sendAppShell(request, reply)) return reply;
    return reply
      .status(404)
      .send(new AppError('NOT_FOUND', `no such route: ${request.method} ${request.url}`).toJSON());
  });
  return app;
}
