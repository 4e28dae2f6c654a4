/** Sign-in throttle rows: read under lock, written back (services/auth/sign-in-guard.ts decides). */
import type { ThrottleState } from '../../domain/access/sign-in-throttle.ts';
import type { Database } from '../database.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The states of these keys, each row locked until the transaction ends (in key order, so no deadlock). */
export async function lockThrottles(db: Database, keys: readonly string[]): Promise<Map<string, ThrottleState>> {
  const sorted = [...new Set(keys)].sort();
  await db
    .insertInto('sign_in_throttle')
    .values(sorted.map((key) => ({ key, window_start: new Date(0) })))
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const rows = await db
    .selectFrom('sign_in_throttle')
    .selectAll()
    .where('key', 'in', sorted)
    .orderBy('key')
    .forUpdate()
    .execute();
  return new Map(
    rows.map((r) => [
      r.key,
      {
        attempts: r.attempts,
        windowStart: r.window_start.getTime(),
        strikes: r.strikes,
        blockedUntil: r.blocked_until ? r.blocked_until.getTime() : null,
      },
    ]),
  );
}

export async function writeThrottle(db: Database, key: string, s: ThrottleState | null, now: number): Promise<void> {
  if (s === null) {
    await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
    return;
  }
  await db
    .updateTable('sign_in_throttle')
    .set({
      attempts: s.attempts,
      window_start: new Date(s.windowStart),
      strikes: s.strikes,
      blocked_until: s.blockedUntil === null ? null : new Date(s.blockedUntil),
      expires_at: new Date(Math.max(now, s.blockedUntil ?? 0) + DAY_MS),
    })
    .where('key', '=', key)
    .execute();
}

/** Forgets the throttles of an account (a new password ends its lockouts). */
export async function clearAccountThrottles(db: Database, accountKey: string, prefix: string): Promise<void> {
  await db
    .deleteFrom('sign_in_throttle')
    .where((eb) => eb.or([eb('key', '=', accountKey), eb('key', 'like', `${prefix}%`)]))
    .execute();
}

export async function deleteStaleThrottles(db: Database, now: Date): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('expires_at', '<', now).execute();
}
