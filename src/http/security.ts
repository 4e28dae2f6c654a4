/** Security headers (helmet with a real CSP), cookies and uploads, registered once. */
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy: only our own scripts; inline styles are allowed
 * because Mantine injects them; images may be data: or blob: URLs (charts, exports).
 * No upgrade-insecure-requests: the demo runs on plain http://localhost.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export async function registerSecurity(app: FastifyInstance, opts: { uploadLimitBytes: number }): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } });
  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: opts.uploadLimitBytes, files: 1, fields: 10, parts: 12 },
    throwFileSizeLimit: true,
  });
}
