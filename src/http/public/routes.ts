/**
 * The public dashboard's API, /api/v1/public: no sign-in, published cycles only,
 * the same answer for everyone (so `cache-control: public` with an ETag). Whoever is
 * signed in, these routes answer as the public: an unpublished cycle is 404. Report
 * cards and certificates are PDF downloads (../report-pdf.ts).
 */
import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import {
  presentHit,
  presentPublicCycle,
  presentRankings,
  presentResultCard,
  presentSummary,
} from '../../present/public.ts';
import type { ServiceContext } from '../../services/context.ts';
import { listPublicCycles } from '../../services/public/public-cycles.ts';
import { publicExport, publicResultsFingerprint } from '../../services/public/public-export.ts';
import { publicRankings } from '../../services/public/public-rankings.ts';
import { publicCertificate, publicReportCard } from '../../services/public/public-reports.ts';
import { publicResult } from '../../services/public/public-result.ts';
import { searchPublicResults } from '../../services/public/public-search.ts';
import { publicSummary } from '../../services/public/public-summary.ts';
import { yearParams } from '../../shared/api-schemas.ts';
import {
  type ExportFormat,
  exportParams,
  exportQuery,
  publicEntityParams,
  rankingsQuery,
  searchQuery,
} from '../../shared/public-api.ts';
import { etagMatches, publicCacheControl, sendPublic } from '../etag.ts';
import { sendReportPdf } from '../report-pdf.ts';
import { describe, parse } from '../route-kit.ts';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

export function registerPublicRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const tags = ['public'];

  app.get('/api/v1/public/cycles', describe({ tags, summary: 'Published cycles' }), async (req, reply) => {
    const cycles = await listPublicCycles(ctx);
    return sendPublic(req, reply, { data: cycles.map((c) => presentPublicCycle(ctx, c, c.entities)) });
  });

  app.get(
    '/api/v1/public/cycles/:year/summary',
    describe({
      tags,
      summary: 'A published cycle: distribution by category and zone, nationally, per level and per province',
      params: yearParams,
    }),
    async (req, reply) => {
      const { year } = parse(yearParams, req.params);
      return sendPublic(req, reply, { data: presentSummary(ctx, await publicSummary(ctx, year)) });
    },
  );

  app.get(
    '/api/v1/public/cycles/:year/rankings',
    describe({
      tags,
      summary: 'Rankings of a published cycle: per level, within provinces, most improved, awards',
      params: yearParams,
      query: rankingsQuery,
    }),
    async (req, reply) => {
      const { year } = parse(yearParams, req.params);
      const q = parse(rankingsQuery, req.query);
      const rankings = await publicRankings(ctx, year, q.kind);
      return sendPublic(req, reply, { data: presentRankings(rankings, q) });
    },
  );

  app.get(
    '/api/v1/public/cycles/:year/entities',
    describe({
      tags,
      summary: 'Entities with a result in a published cycle whose name, alias or code matches q',
      params: yearParams,
      query: searchQuery,
    }),
    async (req, reply) => {
      const { year } = parse(yearParams, req.params);
      const { q, limit } = parse(searchQuery, req.query);
      const found = await searchPublicResults(ctx, year, q, limit);
      return sendPublic(req, reply, { data: found.rows.map(presentHit), total: found.total });
    },
  );

  app.get(
    '/api/v1/public/cycles/:year/entities/:code',
    describe({ tags, summary: 'An entity’s public result card in a published cycle', params: publicEntityParams }),
    async (req, reply) => {
      const { year, code } = parse(publicEntityParams, req.params);
      return sendPublic(req, reply, { data: presentResultCard(ctx, await publicResult(ctx, year, code)) });
    },
  );

  app.get(
    '/api/v1/public/cycles/:year/entities/:code/report-card.pdf',
    describe({
      tags,
      summary: 'An entity’s report card (rapor) in a published cycle, as a PDF download',
      params: publicEntityParams,
    }),
    async (req, reply) => {
      const { year, code } = parse(publicEntityParams, req.params);
      return sendReportPdf(req, reply, await publicReportCard(ctx, year, code), 'public');
    },
  );

  app.get(
    '/api/v1/public/cycles/:year/entities/:code/certificate.pdf',
    describe({
      tags,
      summary: 'An entity’s certificate (piagam penghargaan) in a published cycle, as a PDF: green zone only',
      params: publicEntityParams,
    }),
    async (req, reply) => {
      const { year, code } = parse(publicEntityParams, req.params);
      return sendReportPdf(req, reply, await publicCertificate(ctx, year, code), 'public');
    },
  );

  app.get(
    '/api/v1/public/cycles/:year/export.:format',
    describe({
      tags,
      summary: 'Open data: a published cycle’s results at entity or unit level as CSV, XLSX or JSON (a download)',
      params: exportParams,
      query: exportQuery,
    }),
    async (req, reply) => {
      const { year, format } = parse(exportParams, req.params);
      const { level } = parse(exportQuery, req.query);
      const etag = `"${await publicResultsFingerprint(ctx, year)}-${level}-${format}"`;
      reply.header('etag', etag).header('cache-control', publicCacheControl());
      if (etagMatches(req.headers['if-none-match'], etag)) return reply.code(304).send();
      const out = await publicExport(ctx, year, format, level);
      reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .header('x-patuh-rows', String(out.rows));
      if (req.method === 'HEAD') {
        await out.cleanup();
        return reply.send();
      }
      const stream = createReadStream(out.file);
      stream.once('close', () => void out.cleanup());
      return reply.send(stream);
    },
  );
}
