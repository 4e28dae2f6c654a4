/**
 * Imports a file that came in over HTTP: admin and central staff only (an office
 * head's import would have to be checked entity by entity; issue 4 may add that),
 * with an audit entry for every import that went in.
 */
import type { ImportLimits } from '../../config.ts';
import { canImport, ensure } from '../auth/policy.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleCycle } from '../lifecycle/visible-cycles.ts';
import { type ImportAnswersReport, importAnswers } from './import-answers.ts';
import { type ImportResultsReport, importResults } from './import-results.ts';
import { type ImportTrustReport, importTrust } from './import-trust.ts';

export type ImportKind = 'answers' | 'results' | 'trust';

/** May this principal import into this cycle? Checked before the upload is even read. */
export async function checkImportAllowed(ctx: ServiceContext, p: Principal, year: number): Promise<void> {
  ensure(p, canImport(p), 'import data');
  await loadVisibleCycle(ctx, p, year);
}

export async function importUploadedFile(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  kind: ImportKind,
  file: string,
  limits?: ImportLimits,
): Promise<ImportAnswersReport | ImportResultsReport | ImportTrustReport> {
  await checkImportAllowed(ctx, p, year);
  // the trust import audits itself, in its own transaction
  if (kind === 'trust') return importTrust(ctx, file, year, { by: actorOf(p) });
  const report =
    kind === 'answers'
      ? await importAnswers(ctx, file, year, { by: actorOf(p), actor: actorOf(p), ...(limits ? { limits } : {}) })
      : await importResults(ctx, file, year, { actor: actorOf(p), ...(limits ? { limits } : {}) });
  // each import audits itself in its own transaction
  return report;
}
