import { describe, expect, it } from 'vitest';
import { ROLES as SERVER_ROLES } from '../domain/access/roles.ts';
import { CYCLE_STATUSES as SERVER_STATUSES } from '../domain/cycle/lifecycle.ts';
import { LEVELS as SERVER_LEVELS } from '../domain/instrument/schema.ts';
import { CYCLE_STATUSES, createUserBody, LEVELS, ROLES, resultsQuery, updateUnitBody } from './api-schemas.ts';

describe('the shared API schemas', () => {
  it('use the server’s vocabularies (the file itself may import only zod)', () => {
    expect(ROLES).toEqual(SERVER_ROLES);
    expect(CYCLE_STATUSES).toEqual(SERVER_STATUSES);
    expect(LEVELS).toEqual(SERVER_LEVELS);
  });

  it('give the results query its defaults and treat blank filters as none', () => {
    expect(resultsQuery.parse({ province: ' ', q: '' })).toEqual({ page: 1, pageSize: 50, sort: '-score' });
    expect(resultsQuery.parse({ page: '2', pageSize: '500' })).toMatchObject({ page: 2, pageSize: 500 });
    expect(resultsQuery.safeParse({ pageSize: '501' }).success).toBe(false);
  });

  it('refuse unknown fields and empty changes', () => {
    expect(
      createUserBody.safeParse({ email: 'a@b.c', role: 'admin', password: 'long-enough-1', isAdmin: true }).success,
    ).toBe(false);
    expect(updateUnitBody.safeParse({}).success).toBe(false);
  });
});
