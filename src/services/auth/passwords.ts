/** Password hashing: argon2id (@node-rs/argon2 defaults: m=19 MiB, t=2, p=1, the OWASP minimum). */
import { hash, verify } from '@node-rs/argon2';
import { checkNewPassword, MAX_PASSWORD_LENGTH } from './password-policy.ts';

export { checkNewPassword, MIN_PASSWORD_LENGTH } from './password-policy.ts';

/** Hashes a new password after checking it against the policy (password-policy.ts). */
export async function hashPassword(
  password: string,
  opts: { email?: string | null; minScore?: number } = {},
): Promise<string> {
  checkNewPassword(password, opts);
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
