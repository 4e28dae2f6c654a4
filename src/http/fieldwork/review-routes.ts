/** Verification: reviewers' list, one submission, verify / validate / send back, and provisional results. */
import type { FastifyInstance } from 'fastify';
import { presentDetail, presentSummary } from '../../present/fieldwork.ts';
import type { ServiceContext } from '../../services/context.ts';
import { provisionalResult } from '../../services/fieldwork/provisional.ts';
import { getSubmission, listCycleSubmissions } from '../../services/fieldwork/read-submissions.ts';
import { returnSubmission, validateSubmission, verifySubmission } from '../../services/fieldwork/review.ts';
import { entityParams, yearParams } from '../../shared/api-schemas.ts';
import { returnBody, reviewBody, submissionParams, submissionsQuery } from '../../shared/fieldwork-schemas.ts';
import { describe, parse } from '../route-kit.ts';

export function registerReviewRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const tags = ['fieldwork'];

  app.get(
    '/api/v1/cycles/:year/submissions',
    describe({
      tags,
      summary: 'A cycle’s submissions within your scope (filters: status, entity, unit, kind)',
      access: 'signed-in',
      params: yearParams,
      query: submissionsQuery,
    }),
    async (req) => {
      const { year } = parse(yearParams, req.params);
      const q = parse(submissionsQuery, req.query);
      const page = await listCycleSubmissions(ctx, req.principal, year, q);
      return {
        data: page.rows.map(presentSummary),
        page: { page: page.page, pageSize: page.pageSize, total: page.total },
      };
    },
  );

  app.get(
    '/api/v1/submissions/:id',
    describe({
      tags,
      summary: 'A submission: current answers, every version, comments and status history',
      access: 'signed-in',
      params: submissionParams,
    }),
    async (req) => {
      const { id } = parse(submissionParams, req.params);
      return { data: presentDetail(await getSubmission(ctx, req.principal, id)) };
    },
  );

  const act = (action: 'verify' | 'validate') =>
    app.post(
      `/api/v1/submissions/:id/${action}`,
      describe({
        tags,
        summary:
          action === 'verify'
            ? 'Verify a submitted sheet (office head of the province)'
            : 'Validate a verified sheet: its answers count (central)',
        access: 'signed-in',
        params: submissionParams,
        body: reviewBody,
      }),
      async (req) => {
        const { id } = parse(submissionParams, req.params);
        const body = parse(reviewBody, req.body);
        if (action === 'verify') await verifySubmission(ctx, req.principal, id, body.version);
        else await validateSubmission(ctx, req.principal, id, body.version);
        return { data: presentDetail(await getSubmission(ctx, req.principal, id)) };
      },
    );
  act('verify');
  act('validate');

  app.post(
    '/api/v1/submissions/:id/return',
    describe({
      tags,
      summary: 'Send a sheet back to its assessor with comments (per item), optionally with corrected values',
      access: 'signed-in',
      params: submissionParams,
      body: returnBody,
    }),
    async (req) => {
      const { id } = parse(submissionParams, req.params);
      const body = parse(returnBody, req.body);
      await returnSubmission(ctx, req.principal, id, body);
      return { data: presentDetail(await getSubmission(ctx, req.principal, id)) };
    },
  );

  app.get(
    '/api/v1/cycles/:year/entities/:code/provisional',
    describe({
      tags,
      summary: 'Provisional result from all submitted, verified and validated sheets (staff; marked provisional)',
      access: 'signed-in',
      params: entityParams,
    }),
    async (req) => {
      const { year, code } = parse(entityParams, req.params);
      return { data: await provisionalResult(ctx, req.principal, year, code) };
    },
  );
}
