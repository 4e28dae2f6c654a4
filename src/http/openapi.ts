/** OpenAPI 3 at /api/openapi.json and a browsable page at /api/docs (served offline, from the package's own assets). */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** Registers the generator; call before any route so every route is in the document. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Patuh API',
        version: '1',
        description:
          'Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik. Errors: {"error":{"code","message","details"}}. ' +
          'Browser sessions use the patuh_session cookie and must echo the patuh_csrf cookie in x-csrf-token on ' +
          'POST/PUT/PATCH/DELETE; machine clients send Authorization: Bearer patuh_…. See docs/api.md.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'patuh_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
}

export async function registerOpenApiRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null } });
}
