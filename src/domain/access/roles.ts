/**
 * The roles people have in Patuh (METHODOLOGY.md "Who takes part") and the scope
 * each carries: an entity official belongs to one entity, an office head or
 * assessor to one regional office (a province); admin and central staff to none.
 */
export const ROLES = ['admin', 'central', 'office_head', 'assessor', 'entity_official'] as const;
export type Role = (typeof ROLES)[number];

export type ScopeKind = 'none' | 'office' | 'entity';

export function scopeKindOf(role: Role): ScopeKind {
  if (role === 'entity_official') return 'entity';
  if (role === 'office_head' || role === 'assessor') return 'office';
  return 'none';
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
