import { sql, type Updateable } from 'kysely';
import type { Role } from '../../domain/access/roles.ts';
import type { Database } from '../database.ts';
import type { UserTable } from '../schema.ts';

export interface UserRow {
  id: number;
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  entityId: number | null;
  officeId: number | null;
  active: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  createdAt: Date;
}

/** A user with the names of its entity and office, as lists and screens show it. */
export interface UserWithScope extends Omit<UserRow, 'passwordHash'> {
  entity: { code: string; name: string } | null;
  office: { code: string; name: string; provinceCode: string } | null;
}

const userColumns = [
  'users.id',
  'users.email',
  'users.name',
  'users.password_hash',
  'users.role',
  'users.entity_id',
  'users.office_id',
  'users.active',
  'users.failed_logins',
  'users.locked_until',
  'users.created_at',
] as const;

function toRow(r: {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  role: string;
  entity_id: number | null;
  office_id: number | null;
  active: boolean;
  failed_logins: number;
  locked_until: Date | null;
  created_at: Date;
}): UserRow {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    passwordHash: r.password_hash,
    role: r.role as Role,
    entityId: r.entity_id,
    officeId: r.office_id,
    active: r.active,
    failedLogins: r.failed_logins,
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
  };
}

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const r = await db.selectFrom('users').select(userColumns).where('email', '=', email).executeTakeFirst();
  return r && toRow(r);
}

function withScope(db: Database) {
  return db
    .selectFrom('users')
    .leftJoin('entities', 'entities.id', 'users.entity_id')
    .leftJoin('regional_offices', 'regional_offices.id', 'users.office_id')
    .select(userColumns)
    .select([
      'entities.code as entity_code',
      'entities.name as entity_name',
      'regional_offices.code as office_code',
      'regional_offices.name as office_name',
      'regional_offices.province_code as office_province',
    ]);
}

type ScopedRow = Parameters<typeof toRow>[0] & {
  entity_code: string | null;
  entity_name: string | null;
  office_code: string | null;
  office_name: string | null;
  office_province: string | null;
};

function toScoped(r: ScopedRow): UserWithScope {
  const { passwordHash: _, ...row } = toRow(r);
  return {
    ...row,
    entity: r.entity_code && r.entity_name ? { code: r.entity_code, name: r.entity_name } : null,
    office:
      r.office_code && r.office_name && r.office_province
        ? { code: r.office_code, name: r.office_name, provinceCode: r.office_province }
        : null,
  };
}

export async function findUserWithScope(db: Database, id: number): Promise<UserWithScope | undefined> {
  const r = await withScope(db).where('users.id', '=', id).executeTakeFirst();
  return r && toScoped(r);
}

export interface UserFilter {
  q?: string;
  role?: Role;
  limit: number;
  offset: number;
}

export async function listUsers(db: Database, f: UserFilter): Promise<{ rows: UserWithScope[]; total: number }> {
  let q = withScope(db);
  if (f.role) q = q.where('users.role', '=', f.role);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('users.email', 'like', like), eb(sql`lower(users.name)`, 'like', like)]));
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q.orderBy('users.email').limit(f.limit).offset(f.offset).execute();
  return { rows: rows.map(toScoped), total: Number(total.n) };
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  entityId: number | null;
  officeId: number | null;
}

/** Inserts a user; undefined when the email is taken. */
export async function insertUser(db: Database, u: NewUser): Promise<UserRow | undefined> {
  const r = await db
    .insertInto('users')
    .values({
      email: u.email,
      name: u.name,
      password_hash: u.passwordHash,
      role: u.role,
      entity_id: u.entityId,
      office_id: u.officeId,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(userColumns)
    .executeTakeFirst();
  return r && toRow(r);
}

export interface UserPatch {
  name?: string;
  role?: Role;
  entityId?: number | null;
  officeId?: number | null;
  active?: boolean;
  passwordHash?: string;
}

export async function updateUser(db: Database, id: number, p: UserPatch): Promise<UserRow | undefined> {
  const set: Updateable<UserTable> = {};
  if (p.name !== undefined) set.name = p.name;
  if (p.role !== undefined) set.role = p.role;
  if (p.entityId !== undefined) set.entity_id = p.entityId;
  if (p.officeId !== undefined) set.office_id = p.officeId;
  if (p.active !== undefined) set.active = p.active;
  if (p.passwordHash !== undefined) {
    set.password_hash = p.passwordHash;
    // a new password also ends a lockout
    set.failed_logins = 0;
    set.locked_until = null;
  }
  if (Object.keys(set).length === 0) return findUserById(db, id);
  const r = await db.updateTable('users').set(set).where('id', '=', id).returning(userColumns).executeTakeFirst();
  return r && toRow(r);
}

export async function findUserById(db: Database, id: number): Promise<UserRow | undefined> {
  const r = await db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
  return r && toRow(r);
}

export async function countActiveAdmins(db: Database): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
