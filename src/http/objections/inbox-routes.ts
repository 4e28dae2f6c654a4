/** The objection inbox: a cycle's objections within the caller's scope, open ones first. */
import type { FastifyInstance } from 'fastify';
import { presentObjection } from '../../present/objections.ts';
import type { ServiceContext } from '../../services/context.ts';
import { objectionInbox } from '../../services/objections/inbox.ts';
import { yearParams } from '../../shared/api-schemas.ts';
import { inboxQuery } from '../../shared/objection-inbox.ts';
import { describe, parse } from '../route-kit.ts';

export function registerObjectionInboxRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/api/v1/cycles/:year/objections',
    describe({
      tags: ['objections'],
      summary: 'A cycle’s objections within your scope (office: its province), open ones first',
      access: 'signed-in',
      params: yearParams,
      query: inboxQuery,
    }),
    async (req) => {
      const { year } = parse(yearParams, req.params);
      const { status } = parse(inboxQuery, req.query);
      const x = await objectionInbox(ctx, req.principal, year, status);
      return { data: x.objections.map(presentObjection), total: x.total };
    },
  );
}
