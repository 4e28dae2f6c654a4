/**
 * Who may see a subject — "submission:<uuid>", "followup:<id>", "unit:<id>" — asked
 * by areas that do not own it: evidence (a file is served to those who may see a
 * subject it is linked to) and the audit history. The area that owns a kind of
 * subject registers its rule once at start-up:
 *
 *   registerSubjectPolicy('submission', async (principal, id, db) => … may this principal see submission id?)
 *
 * Admin and central staff see every subject without asking; the public sees none.
 * For any other principal a subject whose kind has no registered rule is not visible.
 * "unit" is registered here: the rule of the unit routes — office roles see the units of
 * their province's entities, an assessor in a cycle not yet published only those of
 * the entities it is assigned to there (cycle-scope.ts).
 */

import type { Database } from '../db/database.ts';
import { findEntityById } from '../db/repos/entities.ts';
import { findUnit } from '../db/repos/units.ts';
import { cycleAssignments } from './auth/cycle-scope.ts';
import { canReadUnits } from './auth/policy.ts';
import type { Principal } from './auth/principal.ts';

/** Whether the principal may see the subject `${prefix}:${subjectId}`. Never throws for "no". */
export type SubjectPolicy = (principal: Principal, subjectId: string, db: Database) => Promise<boolean>;

const policies = new Map<string, SubjectPolicy>();

/** A subject kind: lower-case letters, "_" and "-". */
const PREFIX = /^[a-z][a-z_-]*$/;
/** "<kind>:<id>", the id without white space, at most 200 characters in all. */
export const SUBJECT = /^[a-z][a-z_-]*:\S{1,190}$/;

/** Registers (or replaces) the rule for one kind of subject. */
export function registerSubjectPolicy(prefix: string, policy: SubjectPolicy): void {
  if (!PREFIX.test(prefix)) throw new Error(`a subject kind is lower-case letters, "_" or "-": ${prefix}`);
  policies.set(prefix, policy);
}

/** The same registry, under the name the evidence interface was agreed with. */
export const registerEvidenceSubjectPolicy = registerSubjectPolicy;

export function parseSubject(subject: string): { prefix: string; id: string } | null {
  if (!SUBJECT.test(subject)) return null;
  const i = subject.indexOf(':');
  return { prefix: subject.slice(0, i), id: subject.slice(i + 1) };
}

/** The subject kinds with a registered rule, sorted. */
export function knownSubjectKinds(): string[] {
  return [...policies.keys()].sort();
}

export const hasSubjectPolicy = (prefix: string): boolean => policies.has(prefix);

const seesEverySubject = (p: Principal) => p.role === 'admin' || p.role === 'central';

/** Whether the principal may see the subject: admin and central always, others by the kind's rule. */
export async function maySeeSubject(principal: Principal, subject: string, db: Database): Promise<boolean> {
  if (seesEverySubject(principal)) return true;
  if (principal.kind === 'anonymous' || principal.role === null) return false;
  const parsed = parseSubject(subject);
  const policy = parsed && policies.get(parsed.prefix);
  if (!parsed || !policy) return false;
  return policy(principal, parsed.id, db);
}

registerSubjectPolicy('unit', async (principal, id, db) => {
  if (!/^[1-9]\d{0,9}$/.test(id)) return false;
  const unit = await findUnit(db, Number(id));
  const entity = unit && (await findEntityById(db, unit.entityId));
  if (!entity) return false;
  const assigned = await cycleAssignments({ db }, principal, unit.cycleId);
  return canReadUnits(principal, { id: entity.id, provinceCode: entity.provinceCode }, assigned);
});
