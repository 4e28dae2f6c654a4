/** The web app: web/dist served at /, and every other non-API GET answered with index.html (client-side routes). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Serves the built app when there is one; returns whether it did. */
export async function registerWebApp(app: FastifyInstance, dist: string | null): Promise<boolean> {
  if (!dist || !existsSync(path.join(dist, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    // web/compress-plugin.ts writes .br and .gz beside each text asset at build time
    preCompressed: true,
    setHeaders(reply, file) {
      // Vite puts content-hashed files in assets/: they never change
      const hashed = file.includes(`${path.sep}assets${path.sep}`);
      void reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}

/** The SPA fallback for the not-found handler; false when the request is not one for the app. */
export function sendAppShell(req: FastifyRequest, reply: FastifyReply): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  // the API and missing build files get a real 404, not the app
  if (req.url === '/api' || req.url.startsWith('/api/') || req.url.startsWith('/assets/')) return false;
  void reply.header('cache-control', 'no-cache').sendFile('index.html');
  return true;
}
