/**
 * Who may see a follow-up item, an objection or a mentoring session when another
 * area asks (evidence served by the subjects it is linked to, the audit history):
 * whoever may see the cycle and the entity it belongs to (policy.ts), as the
 * follow-up and objection routes decide. Wired in subject-access.ts, with the others.
 */
import type { Database } from '../../db/database.ts';
import { listCycles } from '../../db/repos/cycles.ts';
import { findEntityById } from '../../db/repos/entities.ts';
import { findItem } from '../../db/repos/follow-up.ts';
import { findMentoringSession } from '../../db/repos/mentoring.ts';
import { findObjection } from '../../db/repos/objections.ts';
import { canSeeCycle, canSeeEntity } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { SubjectPolicy } from '../subject-policy.ts';

const ID = /^[1-9]\d{0,9}$/;

async function seesEntityInCycle(
  p: Principal,
  db: Database,
  owner: { cycleId: number; entityId: number } | undefined,
): Promise<boolean> {
  if (!owner || p.role === null) return false;
  const cycle = (await listCycles(db)).find((c) => c.id === owner.cycleId);
  const entity = await findEntityById(db, owner.entityId);
  return cycle !== undefined && entity !== undefined && canSeeCycle(p, cycle) && canSeeEntity(p, entity);
}

export const followUpSubjectPolicies: Record<'followup' | 'objection' | 'mentoring', SubjectPolicy> = {
  followup: async (p, id, db) => (ID.test(id) ? seesEntityInCycle(p, db, await findItem(db, Number(id))) : false),
  objection: async (p, id, db) => (ID.test(id) ? seesEntityInCycle(p, db, await findObjection(db, Number(id))) : false),
  mentoring: async (p, id, db) =>
    ID.test(id) ? seesEntityInCycle(p, db, await findMentoringSession(db, Number(id))) : false,
};
