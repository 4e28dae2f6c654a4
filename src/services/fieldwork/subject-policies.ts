/**
 * Who may see a submission or an assignment when another area asks (evidence linked
 * to "submission:<id>", the audit history of "assignment:<id>"): the same rule as
 * the fieldwork routes — staff whose scope in the cycle holds the entity (an
 * assessor: where it is assigned, or its own sheet). Wired in subject-access.ts.
 */
import type { Database } from '../../db/database.ts';
import { listAssignments } from '../../db/repos/assignments.ts';
import { findSubmission } from '../../db/repos/submissions.ts';
import { cycleAssignments } from '../auth/cycle-scope.ts';
import { canSeeEntity, canSeeFieldwork } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { SubjectPolicy } from '../subject-policy.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function maySeeSubmission(p: Principal, id: string, db: Database): Promise<boolean> {
  if (!UUID.test(id) || !canSeeFieldwork(p)) return false;
  const s = await findSubmission(db, id);
  if (!s) return false;
  if (p.role === 'assessor' && s.assessor.id === p.userId) return true;
  return canSeeEntity(p, s.entity, await cycleAssignments({ db }, p, s.cycleId));
}

const maySeeAssignment: SubjectPolicy = async (p, id, db) => {
  if (!/^[1-9]\d{0,9}$/.test(id) || !canSeeFieldwork(p)) return false;
  const row = await db.selectFrom('assignments').select(['cycle_id']).where('id', '=', Number(id)).executeTakeFirst();
  if (!row) return false;
  const a = (await listAssignments(db, { cycleId: row.cycle_id, id: Number(id) }))[0];
  if (!a) return false;
  if (p.role === 'assessor') return a.assessor.id === p.userId;
  return canSeeEntity(p, a.entity);
};

export const fieldworkSubjectPolicies: Record<'submission' | 'assignment', SubjectPolicy> = {
  submission: maySeeSubmission,
  assignment: maySeeAssignment,
};
