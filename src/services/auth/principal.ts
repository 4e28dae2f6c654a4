/**
 * Who is asking: a signed-in user, an API token, the public, or the operator at
 * the command line. Every service that reads or changes scoped data takes one and
 * asks policy.ts what it may do.
 */
import type { Role } from '../../domain/access/roles.ts';

export interface Principal {
  /** 'system' is the operator of the CLI, who holds the database itself; HTTP never makes one */
  kind: 'user' | 'token' | 'anonymous' | 'system';
  /** null only for anonymous */
  role: Role | null;
  /** an entity official's entity */
  entityId: number | null;
  /** an office head's or assessor's province */
  officeProvinceCode: string | null;
  /** the user, or the user who made the token */
  userId: number | null;
  tokenId: number | null;
}

export const ANONYMOUS: Principal = Object.freeze({
  kind: 'anonymous',
  role: null,
  entityId: null,
  officeProvinceCode: null,
  userId: null,
  tokenId: null,
});

/** The CLI operator: acts with the admin's rights, audited as "cli". */
export const SYSTEM: Principal = Object.freeze({
  kind: 'system',
  role: 'admin',
  entityId: null,
  officeProvinceCode: null,
  userId: null,
  tokenId: null,
});

/** How the audit trail names who acted. */
export function actorOf(p: Principal): string {
  if (p.kind === 'user') return `user:${p.userId}`;
  if (p.kind === 'token') return `token:${p.tokenId} (user:${p.userId})`;
  if (p.kind === 'system') return 'cli';
  return 'anonymous';
}
