import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors.ts';
import { checkNewPassword, passwordProblem } from './password-policy.ts';

describe('password policy', () => {
  it('refuses repeats and common passwords, saying why in English and Indonesian', () => {
    expect(passwordProblem('aaaaaaaaaa')).toBe('weak');
    expect(passwordProblem('password12')).toBe('common');
    expect(passwordProblem('qwertyuiop')).toBe('common');
    expect(passwordProblem('1234567890')).toBe('common');
    let caught: unknown;
    try {
      checkNewPassword('password12');
    } catch (e) {
      caught = e;
    }
    if (!isAppError(caught)) throw new Error('password12 was accepted');
    expect(caught.code).toBe('VALIDATION_FAILED');
    expect(caught.message).toMatch(/most common passwords.*choose another/);
    expect(caught.details).toMatchObject({
      field: 'password',
      reason: 'common',
      messages: { id: expect.stringMatching(/paling umum.*pilih yang lain/) },
    });
  });

  it('refuses the user’s own e-mail or its name part, in any case', () => {
    expect(passwordProblem('Budi.Santoso@bekasikota.go.id', { email: 'budi.santoso@bekasikota.go.id' })).toBe(
      'contains-email',
    );
    expect(passwordProblem('my-BUDI.SANTOSO-pass-77', { email: 'budi.santoso@bekasikota.go.id' })).toBe(
      'contains-email',
    );
    expect(passwordProblem('my-budi.santoso-pass-77', { email: 'other@test.id' })).toBeNull();
  });

  it('refuses short and over-long passwords', () => {
    expect(passwordProblem('Xk9#q2')).toBe('too-short');
    expect(passwordProblem('x'.repeat(257))).toBe('too-long');
  });

  it('takes the minimum score as a setting', () => {
    expect(passwordProblem('Merdeka45!')).toBe('weak');
    expect(passwordProblem('Merdeka45!', { minScore: 2 })).toBeNull();
    expect(passwordProblem('lembayung-sore-kopi-tubruk', { minScore: 4 })).toBeNull();
  });

  it('accepts the passwords the demo, the seed and the tests use', () => {
    const used: [string, string][] = [
      ['password-for-tests', 'admin@test.id'],
      ['a-brand-new-password', 'locked@test.id'],
      ['another-password', 'temp@test.id'],
      ['e2e-Rahasia-admin-1', 'e2e-admin@patuh.test'],
      ['e2e-Rahasia-asisten-jabar-1', 'e2e-asisten-jabar@patuh.test'],
    ];
    for (const [p, email] of used) expect(passwordProblem(p, { email })).toBeNull();
    // but the name part of the e-mail is refused: admin@test.id may not use e2e-Rahasia-admin-1
    expect(passwordProblem('e2e-Rahasia-admin-1', { email: 'admin@test.id' })).toBe('contains-email');
  });
});
