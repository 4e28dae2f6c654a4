/**
 * Who may see and do what. Pure functions of a principal and the thing asked
 * about; the services call them before every read of scoped data and every change,
 * so a route can never skip them.
 *
 *   admin            everything, users included
 *   central          every cycle and entity; creates, moves, finalises and publishes cycles; imports
 *   office_head      the entities of its office's province (the province itself and its
 *   assessor         kabupaten and kota, not ministries), in every cycle; an office head
 *                    also manages their units while the cycle is open (assessor: read only)
 *   entity_official  its own entity, in published cycles only
 *   anonymous        published cycles only
 *
 * Refusals: not signed in → 401. A role that may never do something → 403. A
 * specific entity (or its unit) outside the scope → 404 for entity officials and
 * the public, whose scope is private, and 403 for office roles, who know every
 * entity exists. An unpublished cycle is "not found" for those who cannot see it.
 */
import { type CycleStatus, isOpenForFieldwork } from '../../domain/cycle/lifecycle.ts';
import { AppError } from '../../errors.ts';
import type { Principal } from './principal.ts';

export type EntityScope =
  | { kind: 'all' }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'entity'; entityId: number }
  | { kind: 'none' };

export interface ScopedEntity {
  id: number;
  provinceCode: string | null;
}

const isCentral = (p: Principal) => p.role === 'admin' || p.role === 'central';
const isOffice = (p: Principal) => p.role === 'office_head' || p.role === 'assessor';

/** Which entities a principal may see (in the cycles it may see). */
export function scopeEntities(p: Principal): EntityScope {
  if (p.role === null || isCentral(p)) return { kind: 'all' }; // anonymous: every entity, published cycles only
  if (isOffice(p))
    return p.officeProvinceCode ? { kind: 'province', provinceCode: p.officeProvinceCode } : { kind: 'none' };
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
    case 'none':
      return false;
  }
}

export function canSeeEntity(p: Principal, e: ScopedEntity): boolean {
  return inScope(scopeEntities(p), e);
}

/** Entity officials and the public see only published cycles; staff see every cycle. */
export function canSeeCycle(p: Principal, cycle: { status: CycleStatus }): boolean {
  if (p.role === null || p.role === 'entity_official') return cycle.status === 'published';
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

/** Reading an entity's units for management: central staff, and office roles within their province. */
export function canReadUnits(p: Principal, e: ScopedEntity): boolean {
  return isCentral(p) || (isOffice(p) && canSeeEntity(p, e));
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
