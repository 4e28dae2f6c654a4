/**
 * One place that refuses text the database cannot hold (shared/text-input.ts): a NUL
 * byte or a lone surrogate in a path parameter, a query value or anywhere in a JSON
 * body (keys too) is 400 MALFORMED_REQUEST naming where it is, before any route
 * parses it. A route that judges each item of its body on its own (POST /sync, where
 * one bad sheet must not fail the others) sets `config.textPerItem` and checks its body itself.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { findUnstorableText } from '../shared/text-input.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the route checks the text of its body per item (the guard checks params and query only) */
    textPerItem?: boolean;
  }
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const parts: Array<[string, unknown]> = [
      ['path', req.params],
      ['query', req.query],
    ];
    if (!req.routeOptions.config?.textPerItem) parts.push(['body', req.body]);
    for (const [where, value] of parts) {
      const found = findUnstorableText(value);
      if (found) {
        const at = found.path ? `${where} ${found.path.slice(0, 200)}` : where;
        throw new AppError('MALFORMED_REQUEST', `${at} ${found.message}`, { in: where, path: found.path });
      }
    }
  });
}
