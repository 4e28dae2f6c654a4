/**
 * Reading the audit trail: a subject's history for the UI and the API (each
 * submission's history), and the latest entries for `patuh audit log`.
 *
 * The history is for staff: admin and central see any subject's; office heads and
 * assessors see a subject's history when its kind has a registered rule
 * (subject-access.ts: "unit" here, "submission" by fieldwork, "followup" by
 * follow-up) and the rule lets them see it. A subject outside their scope is 404,
 * worded as for a subject that does not exist (so the history reveals nothing about
 * what exists); a kind without a rule is 403. Entity officials and API tokens acting
 * as one are refused (403); the public gets 401.
 */
import { type AuditEntry, auditOfSubject, listAudit } from '../../db/repos/audit.ts';
import { AppError } from '../../errors.ts';
import { ensure, requireSignedIn } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import type { Page, PageRequest } from '../paging.ts';
import { hasSubjectPolicy, maySeeSubject, parseSubject } from '../subject-access.ts';

const STAFF = new Set(['admin', 'central', 'office_head', 'assessor']);

/** A subject's entries, oldest first. */
export async function historyOf(
  ctx: Pick<ServiceContext, 'db'>,
  principal: Principal,
  subject: string,
  page: PageRequest = { page: 1, pageSize: 50 },
): Promise<Page<AuditEntry>> {
  requireSignedIn(principal, 'read the audit trail');
  ensure(principal, principal.role !== null && STAFF.has(principal.role), 'read the audit trail');
  const parsed = parseSubject(subject);
  if (!parsed) throw new AppError('VALIDATION_FAILED', `"${subject}" is not a subject: use kind:id, e.g. unit:431`);
  if (!(await maySeeSubject(principal, subject, ctx.db))) {
    if (!hasSubjectPolicy(parsed.prefix)) {
      throw new AppError(
        'FORBIDDEN',
        `your role (${principal.role}) may not read the history of ${parsed.prefix} subjects`,
      );
    }
    throw new AppError('NOT_FOUND', `there is no ${subject} in your scope`);
  }
  const { rows, total } = await auditOfSubject(ctx.db, subject, {
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  });
  return { rows, total, page: page.page, pageSize: page.pageSize };
}

/** The latest entries first (the CLI's operator holds the database, so no scope applies). */
export async function recentAudit(
  ctx: Pick<ServiceContext, 'db'>,
  opts: { subject?: string; limit?: number },
): Promise<AuditEntry[]> {
  return listAudit(ctx.db, opts);
}
