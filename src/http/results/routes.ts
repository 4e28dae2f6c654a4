/**
 * Results: a cycle's list (scoped, filtered, paged), an entity's page and its report
 * card (PDF), a unit's page. ETag/304 on all four.
 */
import type { FastifyInstance } from 'fastify';
import { presentApiResult, presentEntityDetail, presentUnitDetail } from '../../present/results-detail.ts';
import type { ServiceContext } from '../../services/context.ts';
import { entityReportCard } from '../../services/results/entity-report.ts';
import { entityResultDetail } from '../../services/results/entity-result.ts';
import { queryCycleResults } from '../../services/results/query-results.ts';
import { unitDetail } from '../../services/results/unit-detail.ts';
import { entityParams, resultsQuery, unitParams, yearParams } from '../../shared/api-schemas.ts';
import { sendWithEtag } from '../etag.ts';
import { sendReportPdf } from '../report-pdf.ts';
import { describe, parse } from '../route-kit.ts';

export function registerResultRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const tags = ['results'];

  app.get(
    '/api/v1/cycles/:year/results',
    describe({ tags, summary: 'A cycle’s results within your scope', params: yearParams, query: resultsQuery }),
    async (req, reply) => {
      const { year } = parse(yearParams, req.params);
      const q = parse(resultsQuery, req.query);
      const { page } = await queryCycleResults(ctx, req.principal, year, q);
      return sendWithEtag(req, reply, {
        data: page.rows.map(presentApiResult),
        page: { page: page.page, pageSize: page.pageSize, total: page.total },
      });
    },
  );

  app.get(
    '/api/v1/cycles/:year/entities/:code/result',
    describe({ tags, summary: 'An entity’s result, why it scored so, and its history', params: entityParams }),
    async (req, reply) => {
      const { year, code } = parse(entityParams, req.params);
      const detail = await entityResultDetail(ctx, req.principal, year, code);
      return sendWithEtag(req, reply, { data: presentEntityDetail(detail) });
    },
  );

  app.get(
    '/api/v1/cycles/:year/entities/:code/report-card.pdf',
    describe({
      tags,
      summary:
        'An entity’s report card (rapor) as a PDF, in any cycle whose result you may see (a draft before publication)',
      params: entityParams,
    }),
    async (req, reply) => {
      const { year, code } = parse(entityParams, req.params);
      return sendReportPdf(req, reply, await entityReportCard(ctx, req.principal, year, code), 'private');
    },
  );

  app.get(
    '/api/v1/cycles/:year/units/:unitId',
    describe({ tags, summary: 'A unit: each indicator’s answers and what it cost', params: unitParams }),
    async (req, reply) => {
      const { year, unitId } = parse(unitParams, req.params);
      const detail = await unitDetail(ctx, req.principal, year, unitId);
      return sendWithEtag(req, reply, { data: presentUnitDetail(year, detail) });
    },
  );
}
