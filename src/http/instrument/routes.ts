/**
 * A cycle's instrument in full (each indicator's method, respondents, evidence and
 * its 0–3 scale with the level descriptions): what the collection app shows the
 * assessor. Visible to whoever may see the cycle (the public: published cycles only).
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../../services/context.ts';
import { describeInstrument } from '../../services/instrument-view.ts';
import { loadVisibleCycle } from '../../services/lifecycle/visible-cycles.ts';
import { yearParams } from '../../shared/api-schemas.ts';
import { sendWithEtag } from '../etag.ts';
import { describe, parse } from '../route-kit.ts';

export function registerInstrumentRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/api/v1/cycles/:year/instrument',
    describe({
      tags: ['cycles'],
      summary: 'A cycle’s instrument with every indicator’s scale (the cycle’s visibility applies)',
      params: yearParams,
    }),
    async (req, reply) => {
      const { year } = parse(yearParams, req.params);
      const cycle = await loadVisibleCycle(ctx, req.principal, year);
      if (!cycle.instrument) {
        throw new AppError(
          'NOT_FOUND',
          `the ${year} cycle is known only by its published results and has no instrument`,
        );
      }
      const serviceUsersPerUnit = cycle.settings.serviceUsersPerUnit ?? cycle.instrument.serviceUsersPerUnit;
      return sendWithEtag(req, reply, {
        data: {
          year,
          serviceUsersPerUnit,
          instrument: describeInstrument(cycle.instrument, 'full', serviceUsersPerUnit),
        },
      });
    },
  );
}
