import { sql } from 'kysely';
import type { Role } from '../../domain/access/roles.ts';
import { type Database, PREPARED } from '../database.ts';

export interface NewToken {
  hash: string;
  name: string;
  role: Role;
  entityId: number | null;
  officeId: number | null;
  createdBy: number;
  expiresAt: Date;
}

export interface TokenView {
  id: number;
  name: string;
  role: Role;
  entity: { code: string; name: string } | null;
  office: { code: string; name: string } | null;
  createdBy: { id: number; email: string };
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** Who a live token acts as: its own role and scope, and the user who made it. */
export interface TokenOwner {
  tokenId: number;
  userId: number;
  role: Role;
  entityId: number | null;
  officeProvinceCode: string | null;
}

export async function insertToken(db: Database, t: NewToken): Promise<number> {
  const r = await db
    .insertInto('api_tokens')
    .values({
      hash: t.hash,
      name: t.name,
      role: t.role,
      entity_id: t.entityId,
      office_id: t.officeId,
      created_by: t.createdBy,
      expires_at: t.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * The live tokens among these hashes (not expired, not revoked, and their creator
 * still active), keyed by hash, in one statement. Every API request with a token
 * runs it (batched per event-loop turn: services/batch-lookup.ts), so its text is
 * fixed and it is prepared once per connection.
 */
export async function findLiveTokens(
  db: Database,
  hashes: readonly string[],
  now: Date,
): Promise<Map<string, TokenOwner>> {
  const r = await sql<{
    hash: string;
    id: number;
    created_by: number;
    role: Role;
    entity_id: number | null;
    province_code: string | null;
  }>`${sql.raw(PREPARED)}
    select t.hash, t.id, t.created_by, t.role, t.entity_id, o.province_code
    from api_tokens t
    join users u on u.id = t.created_by
    left join regional_offices o on o.id = t.office_id
    where t.hash = any(${[...hashes]}::text[]) and t.expires_at > ${now} and t.revoked_at is null and u.active`.execute(
    db,
  );
  return new Map(
    r.rows.map((x) => [
      x.hash,
      {
        tokenId: x.id,
        userId: x.created_by,
        role: x.role,
        entityId: x.entity_id,
        officeProvinceCode: x.province_code,
      },
    ]),
  );
}

/** Notes the use of a token, at most once a minute. */
export async function touchToken(db: Database, id: number, now: Date): Promise<void> {
  const minuteAgo = new Date(now.getTime() - 60_000);
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', minuteAgo)]))
    .execute();
}

export async function listTokens(db: Database, createdBy: number | null): Promise<TokenView[]> {
  let q = db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.created_by')
    .leftJoin('entities', 'entities.id', 'api_tokens.entity_id')
    .leftJoin('regional_offices', 'regional_offices.id', 'api_tokens.office_id')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.role',
      'api_tokens.created_at',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
      'users.id as user_id',
      'users.email',
      'entities.code as entity_code',
      'entities.name as entity_name',
      'regional_offices.code as office_code',
      'regional_offices.name as office_name',
    ]);
  if (createdBy !== null) q = q.where('api_tokens.created_by', '=', createdBy);
  const rows = await q.orderBy('api_tokens.id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role as Role,
    entity: r.entity_code && r.entity_name ? { code: r.entity_code, name: r.entity_name } : null,
    office: r.office_code && r.office_name ? { code: r.office_code, name: r.office_name } : null,
    createdBy: { id: r.user_id, email: r.email },
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  }));
}

export async function findTokenCreator(
  db: Database,
  id: number,
): Promise<{ createdBy: number; revokedAt: Date | null } | undefined> {
  const r = await db
    .selectFrom('api_tokens')
    .select(['created_by', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r && { createdBy: r.created_by, revokedAt: r.revoked_at };
}

export async function revokeToken(db: Database, id: number, now: Date): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes every live token a user made (when the user's role or scope changes). Returns how many. */
export async function revokeTokensOf(db: Database, userId: number, now: Date): Promise<number> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('created_by', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
