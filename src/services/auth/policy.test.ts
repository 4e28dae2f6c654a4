import { describe, expect, it } from 'vitest';
import { CYCLE_STATUSES } from '../../domain/cycle/lifecycle.ts';
import { AppError } from '../../errors.ts';
import {
  canEditUnits,
  canManageCycles,
  canManageUsers,
  canSeeCycle,
  canSeeEntity,
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

  it('shows unpublished cycles to staff only', () => {
    for (const status of CYCLE_STATUSES) {
      const published = status === 'published';
      expect(canSeeCycle(official, { status })).toBe(published);
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
});
