import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../../services/context.ts';
import { listCycles } from '../../db/repos/cycles.ts';
import { explainEntity } from '../../services/explain.ts';
import { cycleResults } from '../../services/results.ts';
import { presentResult } from './present.ts';

const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new AppError('VALIDATION_FAILED', r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return r.data;
}

export function registerResultRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/api/v1/cycles', async () => ({ data: await listCycles(ctx.db) }));
  app.get('/api/v1/cycles/:year/results', async (req) => {
    const { year } = parse(yearParam, req.params);
    const q = parse(z.object({ entity: z.string().min(1).optional() }), req.query);
    const { results } = await cycleResults(ctx, year, q.entity ? { entity: q.entity } : {});
    return { data: results.map(presentResult) };
  });
  app.get('/api/v1/cycles/:year/entities/:entity/explanation', async (req) => {
    const p = parse(yearParam.extend({ entity: z.string().min(1) }), req.params);
    const x = await explainEntity(ctx, p.year, p.entity);
    return { data: { result: presentResult(x.result), explanation: x.explanation } };
  });
}
