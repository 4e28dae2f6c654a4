/** Cycles: the visible list, creating one, moving one through its lifecycle. */
import type { FastifyInstance } from 'fastify';
import { presentCycle } from '../../present/cycles.ts';
import type { ServiceContext } from '../../services/context.ts';
import { createCycle } from '../../services/lifecycle/create-cycle.ts';
import { transitionCycle } from '../../services/lifecycle/transition-cycle.ts';
import { listVisibleCycles } from '../../services/lifecycle/visible-cycles.ts';
import { createCycleBody, transitionBody, yearParams } from '../../shared/api-schemas.ts';
import { describe, parse } from '../route-kit.ts';

export function registerCycleRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const tags = ['cycles'];

  app.get(
    '/api/v1/cycles',
    describe({ tags, summary: 'The cycles you may see (the public: published ones)' }),
    async (req) => {
      const cycles = await listVisibleCycles(ctx, req.principal);
      return { data: cycles.map((c) => presentCycle(ctx, req.principal, c)) };
    },
  );

  app.post(
    '/api/v1/cycles',
    describe({ tags, summary: 'Create a cycle in draft (admin, central)', access: 'signed-in', body: createCycleBody }),
    async (req, reply) => {
      const body = parse(createCycleBody, req.body);
      const cycle = await createCycle(ctx, req.principal, {
        year: body.year,
        edition: body.edition,
        bandScheme: body.bandScheme,
        ...(body.settings ? { settings: body.settings } : {}),
        ...(body.code ? { code: body.code } : {}),
        ...(body.track ? { track: body.track } : {}),
        ...(body.levels ? { levels: body.levels } : {}),
        ...(body.parent ? { parent: body.parent } : {}),
      });
      return reply.code(201).send({ data: presentCycle(ctx, req.principal, cycle) });
    },
  );

  app.post(
    '/api/v1/cycles/:year/transition',
    describe({
      tags,
      summary:
        'Move a cycle: draft → fieldwork → review → final → published (and back: review → fieldwork, final → review)',
      access: 'signed-in',
      params: yearParams,
      body: transitionBody,
    }),
    async (req) => {
      const { year } = parse(yearParams, req.params);
      const { to } = parse(transitionBody, req.body);
      const cycle = await transitionCycle(ctx, req.principal, year, to);
      return { data: presentCycle(ctx, req.principal, cycle) };
    },
  );
}
