/** Password hashing: argon2id (@node-rs/argon2 defaults: m=19 MiB, t=2, p=1, the OWASP minimum). */
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../errors.ts';

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 256;

/** Checks a new password; the message says what to change. */
export function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('VALIDATION_FAILED', `the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new AppError('VALIDATION_FAILED', `the password may have at most ${MAX_PASSWORD_LENGTH} characters`);
  }
}

export async function hashPassword(password: string): Promise<string> {
  checkNewPassword(password);
  return hash(password);
}

// verified against when the email is unknown, so both cases take the same time
let dummyHash: Promise<string> | undefined;

/** Verifies a password; with no hash (unknown user) it still spends the time and says no. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  if (passwordHash === null) {
    dummyHash ??= hash('patuh-dummy-password-for-timing');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
