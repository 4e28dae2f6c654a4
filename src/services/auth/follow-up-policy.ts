/**
 * Who may do what in follow-up (tindak lanjut), mentoring (pendampingan) and
 * objections (sanggahan); the rest of the policy is policy.ts, whose refusal rules
 * these follow (role never allowed → 403 before any look-up; an entity outside the
 * scope → 404 for officials, 403 for office roles).
 *
 *                        admin/central  office_head  assessor  entity_official  public
 *   see items, sessions,      all        province    province    own entity       —
 *     objections, threads
 *   update an item            all        province    province    own entity       —
 *   generate items            all        province       —            —            —
 *   log a mentoring session   all        province    province        —            —
 *   progress of a cycle       all        province    province        —            —
 *   file an objection          —            —           —         own entity       —
 *   write in a thread         all        province    province    own entity       —
 *   accept or reject          all        province       —            —            —
 */
import type { Principal } from './principal.ts';

const isCentral = (p: Principal) => p.role === 'admin' || p.role === 'central';
const isOffice = (p: Principal) => p.role === 'office_head' || p.role === 'assessor';

/** Role-level checks, made before anything is looked up; then the entity must be in scope (policy.ts canSeeEntity). */
export const mayUseFollowUp = (p: Principal): boolean => p.role !== null;
export const mayGenerateFollowUp = (p: Principal): boolean => isCentral(p) || p.role === 'office_head';
export const mayLogMentoring = (p: Principal): boolean => isCentral(p) || isOffice(p);
export const maySeeFollowUpProgress = (p: Principal): boolean => isCentral(p) || isOffice(p);
export const mayFileObjection = (p: Principal): boolean => p.role === 'entity_official';
export const mayDecideObjection = (p: Principal): boolean => isCentral(p) || p.role === 'office_head';

/** Which side of an objection's thread a message comes from. */
export function sideOf(role: string | null): 'entity' | 'ombudsman' {
  return role === 'entity_official' ? 'entity' : 'ombudsman';
}
