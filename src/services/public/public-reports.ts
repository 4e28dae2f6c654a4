/**
 * Report cards (rapor) and certificates (piagam) of a published cycle, for the
 * public: the entity by its registry code, refused exactly as its result card is
 * (public-result.ts loadPublicEntity). The documents are services/reports' own;
 * prepared, not rendered, so the route can answer 304 without rendering.
 */

import type { ReportCardModel } from '../../domain/report/card.ts';
import type { CertificateModel } from '../../domain/report/certificate.ts';
import type { ServiceContext } from '../context.ts';
import { type PreparedReport, prepareCertificate, prepareReportCard } from '../reports/report-card.ts';
import { noResult } from '../results/entity-result.ts';
import { loadPublicEntity } from './public-result.ts';

export async function publicReportCard(
  ctx: ServiceContext,
  year: number,
  code: string,
): Promise<PreparedReport<ReportCardModel>> {
  const entity = await loadPublicEntity(ctx, year, code);
  return prepareReportCard(ctx, year, entity.code, noResult(code, year));
}

/** NOT_ELIGIBLE for an entity outside the green zone. */
export async function publicCertificate(
  ctx: ServiceContext,
  year: number,
  code: string,
): Promise<PreparedReport<CertificateModel>> {
  const entity = await loadPublicEntity(ctx, year, code);
  return prepareCertificate(ctx, year, entity.code, noResult(code, year));
}
