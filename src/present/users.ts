/** Users and API tokens as the API and the CLI show them: whitelisted fields, dates as ISO strings. */
import type { Role } from '../domain/access/roles.ts';
import type { TokenView, UserView } from '../shared/api-schemas.ts';

type Named = { code: string; name: string };

/** What the presenter needs of a user (the services' user with its scope; no password hash). */
export interface PresentableUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  entity: Named | null;
  office: Named | null;
  active: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
}

export function presentUser(u: PresentableUser): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    entity: u.entity ? { code: u.entity.code, name: u.entity.name } : null,
    office: u.office ? { code: u.office.code, name: u.office.name } : null,
    active: u.active,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** What the presenter needs of an API token (never its secret or hash). */
export interface PresentableToken {
  id: number;
  name: string;
  role: Role;
  entity: Named | null;
  office: Named | null;
  createdBy: { id: number; email: string };
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export function presentToken(t: PresentableToken): TokenView {
  return {
    id: t.id,
    name: t.name,
    role: t.role,
    entity: t.entity ? { code: t.entity.code, name: t.entity.name } : null,
    office: t.office ? { code: t.office.code, name: t.office.name } : null,
    createdBy: { id: t.createdBy.id, email: t.createdBy.email },
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}
