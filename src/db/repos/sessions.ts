import type { Role } from '../../domain/access/roles.ts';
import type { Database } from '../database.ts';

/** Who a live session belongs to: what a principal is built from. */
export interface SessionOwner {
  sessionId: string;
  lastSeenAt: Date;
  userId: number;
  role: Role;
  entityId: number | null;
  officeProvinceCode: string | null;
}

export async function insertSession(
  db: Database,
  s: { id: string; userId: number; expiresAt: Date; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id: s.id, user_id: s.userId, expires_at: s.expiresAt, user_agent: s.userAgent })
    .execute();
}

/**
 * The session with this id when it has not expired, was created after `createdAfter`
 * (the absolute limit) and its user is active.
 */
export async function findLiveSession(
  db: Database,
  id: string,
  now: Date,
  createdAfter: Date,
): Promise<SessionOwner | undefined> {
  const r = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('regional_offices', 'regional_offices.id', 'users.office_id')
    .select([
      'sessions.id',
      'sessions.last_seen_at',
      'users.id as user_id',
      'users.role',
      'users.entity_id',
      'regional_offices.province_code',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now)
    .where('sessions.created_at', '>', createdAfter)
    .where('users.active', '=', true)
    .executeTakeFirst();
  return (
    r && {
      sessionId: r.id,
      lastSeenAt: r.last_seen_at,
      userId: r.user_id,
      role: r.role as Role,
      entityId: r.entity_id,
      officeProvinceCode: r.province_code,
    }
  );
}

/** Slides the expiry forward. */
export async function touchSession(db: Database, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Database, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user; returns how many there were. */
export async function deleteUserSessions(db: Database, userId: number): Promise<number> {
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessions(db: Database, userId: number, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
}
