/**
 * Who may see a subject — "submission:<uuid>", "followup:<id>", "unit:<id>" — asked
 * by areas that do not own it: evidence (a file is served to those who may see a
 * subject it is linked to) and the audit history. The area that owns a kind of
 * subject exports its rules, and they are wired here, in one explicit table
 * (POLICIES): no rule depends on which module happened to be imported first.
 *
 * Admin and central staff see every subject without asking; the public sees none.
 * For any other principal a subject whose kind has no rule is not visible.
 * "unit" is defined here: the rule of the unit routes — office roles see the units of
 * their province's entities, an assessor in a cycle not yet published only those of
 * the entities it is assigned to there (cycle-scope.ts).
 */

import type { Database } from '../db/database.ts';
import { findEntityById } from '../db/repos/entities.ts';
import { findUnit } from '../db/repos/units.ts';
import { cycleAssignments } from './auth/cycle-scope.ts';
import { canReadUnits } from './auth/policy.ts';
import type { Principal } from './auth/principal.ts';
import { fieldworkSubjectPolicies } from './fieldwork/subject-policies.ts';
import { followUpSubjectPolicies } from './follow-up/subject-policies.ts';
import type { SubjectPolicy } from './subject-policy.ts';

export type { SubjectPolicy } from './subject-policy.ts';

/** A subject kind: lower-case letters, "_" and "-". */
const PREFIX = /^[a-z][a-z_-]*$/;
/** "<kind>:<id>", the id without white space, at most 200 characters in all. */
export const SUBJECT = /^[a-z][a-z_-]*:\S{1,190}$/;

const maySeeUnit: SubjectPolicy = async (principal, id, db) => {
  if (!/^[1-9]\d{0,9}$/.test(id)) return false;
  const unit = await findUnit(db, Number(id));
  const entity = unit && (await findEntityById(db, unit.entityId));
  if (!entity) return false;
  const assigned = await cycleAssignments({ db }, principal, unit.cycleId);
  return canReadUnits(principal, { id: entity.id, provinceCode: entity.provinceCode }, assigned);
};

/** Every kind of subject another area may ask about, with its owner's rule. */
const POLICIES: ReadonlyMap<string, SubjectPolicy> = new Map<string, SubjectPolicy>([
  ['unit', maySeeUnit],
  ...Object.entries(fieldworkSubjectPolicies),
  ...Object.entries(followUpSubjectPolicies),
]);

/** Kinds added at run time (a test of the mechanism); they never replace a wired kind. */
const extra = new Map<string, SubjectPolicy>();

/** Adds the rule of a new kind of subject (e.g. in a test); a kind wired above cannot be replaced. */
export function registerSubjectPolicy(prefix: string, policy: SubjectPolicy): void {
  if (!PREFIX.test(prefix)) throw new Error(`a subject kind is lower-case letters, "_" or "-": ${prefix}`);
  if (POLICIES.has(prefix)) throw new Error(`the subject kind ${prefix} is wired in subject-access.ts`);
  extra.set(prefix, policy);
}

const policyOf = (prefix: string): SubjectPolicy | undefined => POLICIES.get(prefix) ?? extra.get(prefix);

export function parseSubject(subject: string): { prefix: string; id: string } | null {
  if (!SUBJECT.test(subject)) return null;
  const i = subject.indexOf(':');
  return { prefix: subject.slice(0, i), id: subject.slice(i + 1) };
}

/** The subject kinds with a rule, sorted. */
export function knownSubjectKinds(): string[] {
  return [...POLICIES.keys(), ...extra.keys()].sort();
}

export const hasSubjectPolicy = (prefix: string): boolean => policyOf(prefix) !== undefined;

const seesEverySubject = (p: Principal) => p.role === 'admin' || p.role === 'central';

/** Whether the principal may see the subject: admin and central always, others by the kind's rule. */
export async function maySeeSubject(principal: Principal, subject: string, db: Database): Promise<boolean> {
  if (seesEverySubject(principal)) return true;
  if (principal.kind === 'anonymous' || principal.role === null) return false;
  const parsed = parseSubject(subject);
  const policy = parsed && policyOf(parsed.prefix);
  if (!parsed || !policy) return false;
  return policy(principal, parsed.id, db);
}
