/**
 * The checks of one posted sheet against the server's state, and the shape of a
 * rejection: the unit exists, the assessor is assigned to it (or its entity) in its
 * cycle, the cycle is in fieldwork, the unit is active, and the answers fit the
 * cycle's instrument (domain/fieldwork/check-sheet.ts).
 */
import type { SyncTarget } from '../../db/repos/submissions-sync.ts';
import { checkSheet } from '../../domain/fieldwork/check-sheet.ts';
import type { Level } from '../../domain/instrument/schema.ts';
import type { ErrorCode } from '../../errors.ts';
import type { SyncResultView, syncSubmission } from '../../shared/fieldwork-schemas.ts';
import type { Catalog } from '../instrument-catalog.ts';

export const rejected = (
  index: number,
  id: string,
  code: ErrorCode,
  message: string,
  extra: { reason?: string; details?: unknown } = {},
): SyncResultView => ({
  index,
  id,
  status: 'rejected',
  submissionId: null,
  version: null,
  submissionStatus: null,
  error: { code, message, ...extra },
});

/** The rejection of a sheet that does not fit its target, or null when it does. */
export function checkTarget(
  catalog: Catalog,
  index: number,
  s: ReturnType<typeof syncSubmission.parse>,
  target: SyncTarget | undefined,
): SyncResultView | null {
  if (!target) return rejected(index, s.id, 'NOT_FOUND', `there is no unit ${s.unitId}`);
  if (!target.assigned) {
    const message = `you are not assigned to unit ${s.unitId} (or its entity) in ${target.year}`;
    return rejected(index, s.id, 'FORBIDDEN', message);
  }
  if (target.cycleStatus !== 'fieldwork') {
    return rejected(index, s.id, 'CYCLE_LOCKED', `the ${target.year} cycle is ${target.cycleStatus}, not in fieldwork`);
  }
  if (!target.unitActive) return rejected(index, s.id, 'VALIDATION_FAILED', `unit ${s.unitId} was deactivated`);
  const instrument = target.edition ? catalog.editions.get(target.edition) : undefined;
  if (!instrument) return rejected(index, s.id, 'VALIDATION_FAILED', `the ${target.year} cycle has no instrument`);
  const problems = checkSheet(instrument, target.level as Level, s);
  if (problems.length === 0) return null;
  const message = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  return rejected(index, s.id, 'VALIDATION_FAILED', message, { details: { issues: problems } });
}
