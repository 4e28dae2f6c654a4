import { describe, expect, it } from 'vitest';
import { CYCLE_STATUSES } from '../../domain/cycle/lifecycle.ts';
import { AppError } from '../../errors.ts';
import {
  canAssignEntity,
  canEditUnits,
  canManageAssignments,
  canManageCycles,
  canManageUsers,
  canReadUnits,
  canReview,
  canSeeCycle,
  canSeeEntity,
  canSync,
  refuse,
  refuseEntity,
  scopeEntities,
} from './policy.ts';
import { ANONYMOUS, type Principal, SYSTEM } from './principal.ts';

const user = (role: Principal['role'], scope: Partial<Principal> = {}): Principal => ({
  kind: 'user',
  role,
  entityId: null,
  officeProvinceCode: null,
  userId: 1,
  tokenId: null,
  ...scope,
});
const admin = user('admin');
const central = user('central');
const head = user('office_head', { officeProvinceCode: '32' });
const assessor = user('assessor', { officeProvinceCode: '32' });
const official = user('entity_official', { entityId: 7 });

const bekasi = { id: 7, provinceCode: '32' };
const bandung = { id: 8, provinceCode: '32' };
const jabar = { id: 9, provinceCode: '32' };
const kendari = { id: 10, provinceCode: '74' };
const ministry = { id: 11, provinceCode: null };

describe('policy', () => {
  it('gives each role its scope of entities', () => {
    expect(scopeEntities(admin)).toEqual({ kind: 'all' });
    expect(scopeEntities(ANONYMOUS)).toEqual({ kind: 'all' });
    expect(scopeEntities(head)).toEqual({ kind: 'province', provinceCode: '32' });
    expect(scopeEntities(official)).toEqual({ kind: 'entity', entityId: 7 });
    expect(scopeEntities(user('assessor'))).toEqual({ kind: 'none' });
  });

  it('lets an office see its province, the province itself included, and not ministries or other provinces', () => {
    for (const p of [head, assessor]) {
      expect([bekasi, bandung, jabar, kendari, ministry].map((e) => canSeeEntity(p, e))).toEqual([
        true,
        true,
        true,
        false,
        false,
      ]);
    }
  });

  it('lets an entity official see its own entity only', () => {
    expect([bekasi, bandung, jabar].map((e) => canSeeEntity(official, e))).toEqual([true, false, false]);
  });

  it('shows unpublished cycles to staff only, and final ones to entity officials too (objections)', () => {
    for (const status of CYCLE_STATUSES) {
      const published = status === 'published';
      expect(canSeeCycle(official, { status })).toBe(published || status === 'final');
      expect(canSeeCycle(ANONYMOUS, { status })).toBe(published);
      for (const p of [admin, central, head, assessor]) expect(canSeeCycle(p, { status })).toBe(true);
    }
  });

  it('keeps users to admins and cycles to central staff', () => {
    expect([admin, central, head, official, SYSTEM].map(canManageUsers)).toEqual([true, false, false, false, true]);
    expect([admin, central, head, assessor, official].map(canManageCycles)).toEqual([true, true, false, false, false]);
  });

  it('lets an office head change units in its province while the cycle is open, an assessor never', () => {
    expect(canEditUnits(head, { status: 'fieldwork' }, bekasi)).toBe(true);
    expect(canEditUnits(head, { status: 'final' }, bekasi)).toBe(false);
    expect(canEditUnits(head, { status: 'fieldwork' }, kendari)).toBe(false);
    expect(canEditUnits(assessor, { status: 'fieldwork' }, bekasi)).toBe(false);
    expect(canEditUnits(central, { status: 'published' }, kendari)).toBe(true);
  });

  it('refuses the public with 401, a role with 403, and hides existence from officials and the public', () => {
    expect(refuse(ANONYMOUS, 'x').code).toBe('UNAUTHENTICATED');
    expect(refuse(official, 'x').code).toBe('FORBIDDEN');
    const notFound = new AppError('NOT_FOUND', 'nothing here');
    expect(refuseEntity(official, notFound)).toBe(notFound);
    expect(refuseEntity(ANONYMOUS, notFound)).toBe(notFound);
    expect(refuseEntity(head, notFound).code).toBe('FORBIDDEN');
    expect(refuseEntity({ ...head, kind: 'token' }, notFound).code).toBe('FORBIDDEN');
  });

  it('narrows an assessor to the entities assigned to it in the cycle asked about', () => {
    const assigned = new Set([bekasi.id]);
    expect(scopeEntities(assessor, assigned)).toEqual({ kind: 'assigned', provinceCode: '32', entityIds: assigned });
    expect([bekasi, bandung, jabar, kendari, ministry].map((e) => canSeeEntity(assessor, e, assigned))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    // no assignment in the cycle: nothing; an assignment outside the province never widens the scope
    expect([bekasi, bandung].map((e) => canSeeEntity(assessor, e, new Set()))).toEqual([false, false]);
    expect(canSeeEntity(assessor, kendari, new Set([kendari.id]))).toBe(false);
    expect(canReadUnits(assessor, bandung, assigned)).toBe(false);
    expect(canReadUnits(assessor, bekasi, assigned)).toBe(true);
    // assignments narrow assessors only
    expect(scopeEntities(head, assigned)).toEqual({ kind: 'province', provinceCode: '32' });
    expect(scopeEntities(official, assigned)).toEqual({ kind: 'entity', entityId: 7 });
    expect(scopeEntities(central, assigned)).toEqual({ kind: 'all' });
    expect(scopeEntities(user('assessor'), assigned)).toEqual({ kind: 'none' });
  });

  it('lets office heads assign in their province and central staff anywhere; only assessors sync', () => {
    expect([admin, central, head, assessor, official].map(canManageAssignments)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect([bekasi, kendari].map((e) => canAssignEntity(head, e))).toEqual([true, false]);
    expect(canAssignEntity(central, kendari)).toBe(true);
    expect(canAssignEntity(assessor, bekasi)).toBe(false);
    expect([admin, central, head, assessor, official, ANONYMOUS].map(canSync)).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
    expect(canSync({ ...assessor, userId: null })).toBe(false);
  });

  it('lets the office head of the province verify, central staff validate, and either send back', () => {
    expect(canReview(head, 'verify', bekasi)).toBe(true);
    expect(canReview(head, 'verify', kendari)).toBe(false);
    expect(canReview(head, 'validate', bekasi)).toBe(false);
    expect(canReview(head, 'return', bekasi)).toBe(true);
    expect(canReview(head, 'return', kendari)).toBe(false);
    expect(canReview(central, 'verify', bekasi)).toBe(false);
    expect(canReview(central, 'validate', kendari)).toBe(true);
    expect(canReview(central, 'return', kendari)).toBe(true);
    expect(['verify', 'validate', 'return'].map((a) => canReview(admin, a as 'verify', kendari))).toEqual([
      true,
      true,
      true,
    ]);
    for (const p of [assessor, official, ANONYMOUS])
      for (const a of ['verify', 'validate', 'return'] as const) expect(canReview(p, a, bekasi)).toBe(false);
  });
});
