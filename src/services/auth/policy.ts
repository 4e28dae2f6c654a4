/**
 * Who may see and do what. Pure functions of a principal and the thing asked
 * about; the services call them before every read of scoped data and every change,
 * so a route can never skip them.
 *
 *   admin            everything, users included
 *   central          every cycle and entity; creates, moves, finalises and publishes cycles; imports
 *   office_head      the entities of its office's province (the province itself and its
 *                    kabupaten and kota, not ministries), in every cycle; also manages their
 *                    units while the cycle is open, and assigns them to its assessors
 *   assessor         in a cycle not yet published: only the entities it is assigned to in that
 *                    cycle (issue 4); in a published cycle (public results) and where no
 *                    cycle is in question (the registry): its office's province
 *   entity_official  its own entity, in final and published cycles
 *   anonymous        published cycles only
 *
 * Refusals: not signed in → 401. A role that may never do something → 403. A
 * specific entity (or its unit) outside the scope → 404 for entity officials and
 * the public, whose scope is private, and 403 for office roles, who know every
 * entity exists. An unpublished cycle is "not found" for those who cannot see it.
 */
import { type CycleStatus, isOpenForFieldwork } from '../../domain/cycle/lifecycle.ts';
import type { ReviewAction } from '../../domain/fieldwork/workflow.ts';
import { AppError } from '../../errors.ts';
import type { Principal } from './principal.ts';

export type EntityScope =
  | { kind: 'all' }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'entity'; entityId: number }
  /** an assessor in one cycle: the entities assigned to it there (always inside its province) */
  | { kind: 'assigned'; provinceCode: string; entityIds: ReadonlySet<number> }
  | { kind: 'none' };

/**
 * The entities an assessor is assigned to in the cycle being asked about, loaded by
 * the service (services/auth/cycle-scope.ts). Pass it wherever a cycle is in question:
 * without it an assessor is scoped to its province (the registry, which has no cycle).
 */
export type CycleAssignments = ReadonlySet<number>;

export interface ScopedEntity {
  id: number;
  provinceCode: string | null;
}

const isCentral = (p: Principal) => p.role === 'admin' || p.role === 'central';
const isOffice = (p: Principal) => p.role === 'office_head' || p.role === 'assessor';

/** Which entities a principal may see (in the cycles it may see); `assigned` narrows an assessor to one cycle's assignments. */
export function scopeEntities(p: Principal, assigned?: CycleAssignments): EntityScope {
  if (p.role === null || isCentral(p)) return { kind: 'all' }; // anonymous: every entity, published cycles only
  if (isOffice(p)) {
    if (!p.officeProvinceCode) return { kind: 'none' };
    if (p.role === 'assessor' && assigned)
      return { kind: 'assigned', provinceCode: p.officeProvinceCode, entityIds: assigned };
    return { kind: 'province', provinceCode: p.officeProvinceCode };
  }
  return p.entityId !== null ? { kind: 'entity', entityId: p.entityId } : { kind: 'none' };
}

export function inScope(scope: EntityScope, e: ScopedEntity): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'province':
      return e.provinceCode === scope.provinceCode;
    case 'entity':
      return e.id === scope.entityId;
    case 'assigned':
      return e.provinceCode === scope.provinceCode && scope.entityIds.has(e.id);
    case 'none':
      return false;
  }
}

export function canSeeEntity(p: Principal, e: ScopedEntity, assigned?: CycleAssignments): boolean {
  return inScope(scopeEntities(p, assigned), e);
}

/**
 * The public sees only published cycles; entity officials also final ones (results
 * go to the entity at final, before publication, so it can object: issue 5); staff
 * see every cycle.
 */
export function canSeeCycle(p: Principal, cycle: { status: CycleStatus }): boolean {
  if (p.role === null) return cycle.status === 'published';
  if (p.role === 'entity_official') return cycle.status === 'published' || cycle.status === 'final';
  return true;
}

/** Results follow the cycle: whoever may see a cycle may see the results of the entities in its scope. */
export const canSeeCycleResults = canSeeCycle;

/** Whether the existence of things outside the scope is itself private to this principal. */
export function hidesExistence(p: Principal): boolean {
  return p.role === null || p.role === 'entity_official';
}

export const canManageUsers = (p: Principal): boolean => p.role === 'admin';
export const canManageCycles = (p: Principal): boolean => isCentral(p);
export const canImport = (p: Principal): boolean => isCentral(p);
export const canListOffices = (p: Principal): boolean => isCentral(p) || isOffice(p);
/** API tokens are made by a person in a browser session (or the CLI), never by another token. */
export const canManageTokens = (p: Principal): boolean => p.kind === 'user' || p.kind === 'system';

/**
 * Moving a cycle through its lifecycle, finalising and publishing included, is for
 * central staff: a cycle is national, so no regional office moves it.
 */
export const canMoveCycle = (p: Principal): boolean => isCentral(p);

/** Reading an entity's units for management: central staff, office heads within their province, assessors where assigned. */
export function canReadUnits(p: Principal, e: ScopedEntity, assigned?: CycleAssignments): boolean {
  return isCentral(p) || (isOffice(p) && canSeeEntity(p, e, assigned));
}

/**
 * Changing an entity's units: central staff at any time; an office head within
 * its province while the cycle is still being assessed.
 */
export function canEditUnits(p: Principal, cycle: { status: CycleStatus }, e: ScopedEntity): boolean {
  if (isCentral(p)) return true;
  return p.role === 'office_head' && canSeeEntity(p, e) && isOpenForFieldwork(cycle.status);
}

/** May this principal use unit management at all (before looking at any entity)? */
export const canUseUnitAdmin = (p: Principal): boolean => isCentral(p) || isOffice(p);

// --- fieldwork (issue 4): assignments, sync, verification ---

/** Assigning entities and units to assessors: office heads (their province), central staff (any). */
export const canManageAssignments = (p: Principal): boolean => isCentral(p) || p.role === 'office_head';

/** Assigning this entity: central staff any, an office head within its province. */
export function canAssignEntity(p: Principal, e: ScopedEntity): boolean {
  return isCentral(p) || (p.role === 'office_head' && canSeeEntity(p, e));
}

/** Staff see fieldwork: submissions, assignments and provisional results, within their scope. */
export const canSeeFieldwork = (p: Principal): boolean => isCentral(p) || isOffice(p);

/** Only assessors collect; whether a unit is assigned to them is checked per submission. */
export const canSync = (p: Principal): boolean => p.role === 'assessor' && p.userId !== null;

/**
 * Verification (METHODOLOGY.md "The cycle", 4): the office head of the entity's
 * province verifies, central staff validate, either sends back; the admin may do all
 * of it. Which status each action starts from is the domain's (domain/fieldwork/workflow.ts).
 */
export function canReview(p: Principal, action: ReviewAction, e: ScopedEntity): boolean {
  const head = p.role === 'office_head' && canSeeEntity(p, e);
  switch (action) {
    case 'verify':
      return head || p.role === 'admin';
    case 'validate':
      return isCentral(p);
    case 'return':
      return head || isCentral(p);
  }
}

/** Central staff (and the admin) review as the central office: they may send back a validated submission. */
export const reviewsAsCentral = (p: Principal): boolean => isCentral(p);

/** May this principal take part in verification at all (before looking at the submission)? */
export const canUseReview = (p: Principal): boolean => isCentral(p) || p.role === 'office_head';

// --- refusals, worded once ---

/** 401 for the public, 403 for a signed-in principal whose role may not do this. */
export function refuse(p: Principal, what: string): AppError {
  if (p.kind === 'anonymous') return new AppError('UNAUTHENTICATED', `sign in to ${what}`);
  return new AppError('FORBIDDEN', `your role (${p.role}) may not ${what}`);
}

export function requireSignedIn(p: Principal, what: string): void {
  if (p.kind === 'anonymous') throw refuse(p, what);
}

export function ensure(p: Principal, allowed: boolean, what: string): void {
  if (!allowed) throw refuse(p, what);
}

/**
 * The refusal for a specific entity outside the scope: "not found" where existence
 * is private (the same message an unknown entity gets), "forbidden" otherwise.
 */
export function refuseEntity(p: Principal, notFound: AppError): AppError {
  if (hidesExistence(p)) return notFound;
  return new AppError('FORBIDDEN', 'this entity is outside your scope');
}

// --- the 2025 method (issue 9): supervision products, withheld awards, vertical offices ---

/** The register of the Ombudsman's supervision products and withheld awards: central staff. */
export const canManageSupervision = (p: Principal): boolean => isCentral(p);

/** Ranking the vertical offices of a province: central staff any, regional-office staff their own. */
export function canRankVerticalOffices(p: Principal, provinceCode: string): boolean {
  return isCentral(p) || (isOffice(p) && p.officeProvinceCode === provinceCode);
}
