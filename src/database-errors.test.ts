import { describe, expect, it } from 'vitest';
import { fromDatabaseError, sqlStateOf } from './database-errors.ts';

const pgError = (code: string, extra: Record<string, string> = {}) =>
  Object.assign(new Error('db says no'), { code, ...extra });

describe('database errors become problems', () => {
  it('turns a unique violation into 409 CONFLICT naming the columns, never the values', () => {
    const e = fromDatabaseError(
      pgError('23505', { detail: 'Key (cycle_id, name_key)=(1, secret)', constraint: 'units_cycle_entity_name' }),
    );
    expect(e?.status).toBe(409);
    expect(e?.code).toBe('CONFLICT');
    expect(e?.message).toContain('cycle_id, name_key');
    expect(JSON.stringify(e?.toJSON())).not.toContain('secret');
    expect(e?.details).toMatchObject({ sqlstate: '23505', constraint: 'units_cycle_entity_name' });
  });

  it('tells a missing reference (400) from a record still in use (409)', () => {
    expect(
      fromDatabaseError(pgError('23503', { detail: 'Key (unit_id)=(9) is not present in table "units".' }))?.status,
    ).toBe(400);
    expect(
      fromDatabaseError(pgError('23503', { detail: 'Key (id)=(9) is still referenced from table "answers".' }))?.status,
    ).toBe(409);
  });

  it('maps checks and invalid input to 400, serialization, deadlock and lock to a retryable 409', () => {
    for (const code of ['23514', '23502', '22P02', '22001', '22003', '22021', '22P05', '22007', '22008'])
      expect([code, fromDatabaseError(pgError(code))?.status]).toEqual([code, 400]);
    for (const code of ['40001', '40P01', '55P03']) {
      const e = fromDatabaseError(pgError(code));
      expect([code, e?.status]).toEqual([code, 409]);
      expect(e?.details).toMatchObject({ retry: true });
      expect(e?.exitCode).toBe(2);
    }
  });

  it('leaves other errors alone (they stay 500s: ours to fix) and finds a code in a cause', () => {
    expect(fromDatabaseError(new Error('boom'))).toBeNull();
    expect(fromDatabaseError(pgError('XX000'))).toBeNull();
    expect(fromDatabaseError(Object.assign(new Error('fs'), { code: 'ENOENT' }))).toBeNull();
    expect(fromDatabaseError(null)).toBeNull();
    expect(sqlStateOf(new Error('wrapped', { cause: pgError('40001') }))?.code).toBe('40001');
  });
});
