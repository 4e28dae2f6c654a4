/**
 * What every route uses: parsing with the shared zod schemas (the single source of
 * validation; Fastify's own validator is switched off in server.ts), the OpenAPI
 * description built from the same schemas, and the principal of the request.
 */
import type { FastifyRequest, FastifySchema } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Principal } from '../services/auth/principal.ts';

/** Parses a request part or throws VALIDATION_FAILED naming every problem. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value ?? {});
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError(
      'VALIDATION_FAILED',
      issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '),
      { issues },
    );
  }
  return r.data;
}

const toJson = (s: z.ZodType) => z.toJSONSchema(s, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' });

export type Access = 'public' | 'signed-in';

/** The OpenAPI description of a route, from its zod schemas. Describes only: zod validates. */
export function describe(d: {
  tags: string[];
  summary: string;
  access?: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  consumes?: string[];
}): { schema: FastifySchema } {
  const schema: FastifySchema & Record<string, unknown> = { tags: d.tags, summary: d.summary };
  if (d.params) schema.params = toJson(d.params);
  if (d.query) schema.querystring = toJson(d.query);
  if (d.body) schema.body = toJson(d.body);
  if (d.consumes) schema.consumes = d.consumes;
  if (d.access === 'signed-in') schema.security = [{ session: [] }, { bearer: [] }];
  return { schema };
}

export function principalOf(req: FastifyRequest): Principal {
  return req.principal;
}
