/**
 * Report cards and certificates as downloads: `application/pdf`, saved under the
 * document's file name. The ETag is weak and comes from what the document shows
 * (services/reports PreparedReport.fingerprint): two downloads differ in their
 * printing date, not in their content, so a repeat with If-None-Match is 304
 * without rendering anything.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PreparedReport } from '../services/reports/report-card.ts';
import { etagMatches, PRIVATE_CACHE_HEADERS, publicCacheControl } from './etag.ts';

/** `public`: the same document for everyone (the public dashboard); `private`: it depends on who asks. */
export type ReportCaching = 'public' | 'private';

export async function sendReportPdf(
  req: FastifyRequest,
  reply: FastifyReply,
  doc: PreparedReport<unknown>,
  caching: ReportCaching,
): Promise<FastifyReply> {
  const tag = `"${doc.fingerprint}"`;
  reply.header('etag', `W/${tag}`);
  if (caching === 'public') reply.header('cache-control', publicCacheControl());
  else reply.headers(PRIVATE_CACHE_HEADERS);
  if (etagMatches(req.headers['if-none-match'], tag)) return reply.code(304).send();
  reply.type('application/pdf').header('content-disposition', `attachment; filename="${doc.fileName}"`);
  if (req.method === 'HEAD') return reply.send();
  return reply.send(await doc.render());
}
