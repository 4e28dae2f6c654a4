/** The HTTP server: Fastify with one error shape; routes per area. */
import Fastify, { type FastifyInstance } from 'fastify';
import { AppError, isAppError } from '../errors.ts';
import type { ServiceContext } from '../services/context.ts';
import { registerResultRoutes } from './results/routes.ts';

export interface ServerOptions {
  logLevel?: string;
}

export async function buildServer(ctx: ServiceContext, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'info', redact: ['req.headers.cookie', 'req.headers.authorization', 'body.password'] },
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  });
  app.setErrorHandler((error, request, reply) => {
    if (isAppError(error)) return reply.status(error.status).send(error.toJSON());
    const e = error as { statusCode?: number; code?: string; message: string };
    if (e.statusCode === 413) {
      return reply.status(413).send(new AppError('PAYLOAD_TOO_LARGE', 'the request body is too large').toJSON());
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.status(e.statusCode).send(new AppError('MALFORMED_REQUEST', e.message).toJSON());
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(new AppError('INTERNAL', 'something went wrong on our side; it has been logged').toJSON());
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(new AppError('NOT_FOUND', `no such route: ${request.method} ${request.url}`).toJSON()),
  );
  app.get('/api/v1/health', async () => ({ ok: true }));
  registerResultRoutes(app, ctx);
  return app;
}
