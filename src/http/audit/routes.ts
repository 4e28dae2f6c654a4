/** The audit trail over HTTP: one subject's history, oldest first (services/audit/history.ts decides who). */
import type { FastifyInstance } from 'fastify';
import { presentAuditEntry } from '../../present/audit.ts';
import { historyOf } from '../../services/audit/history.ts';
import type { ServiceContext } from '../../services/context.ts';
import { auditQuery } from '../../shared/records-schemas.ts';
import { describe, parse } from '../route-kit.ts';

export function registerAuditRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/api/v1/audit',
    describe({
      tags: ['audit'],
      summary: 'The history of one subject, oldest first (admin, central; office roles for subjects in their scope)',
      access: 'signed-in',
      query: auditQuery,
    }),
    async (req) => {
      const q = parse(auditQuery, req.query);
      const page = await historyOf(ctx, req.principal, q.subject, q);
      return {
        data: page.rows.map(presentAuditEntry),
        page: { page: page.page, pageSize: page.pageSize, total: page.total },
      };
    },
  );
}
