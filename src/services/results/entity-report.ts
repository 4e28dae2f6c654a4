/**
 * An entity's report card (rapor) in any cycle whose result the principal may see:
 * the same check as the entity's page (entity-result.ts loadEntityForResult), so an
 * entity official gets its own card once the cycle is final, before publication,
 * marked as a draft (domain/report/card.ts).
 */
import type { ReportCardModel } from '../../domain/report/card.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { type PreparedReport, prepareReportCard } from '../reports/report-card.ts';
import { loadEntityForResult, noResult } from './entity-result.ts';

export async function entityReportCard(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  code: string,
): Promise<PreparedReport<ReportCardModel>> {
  const entity = await loadEntityForResult(ctx, p, year, code);
  return prepareReportCard(ctx, year, entity.code, noResult(code, year));
}
