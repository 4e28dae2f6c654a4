/**
 * Which administration pages a role is shown. The server decides what a role may
 * do (src/services/auth/policy.ts); this mirrors it so nobody is shown a page that
 * would only answer 403.
 */
import type { Role, User } from '../api/schemas';

export const ADMIN_PAGES = ['cycles', 'entities', 'offices', 'users', 'imports'] as const;
export type AdminPage = (typeof ADMIN_PAGES)[number];

const ACCESS: Record<AdminPage, readonly Role[]> = {
  cycles: ['admin', 'central'],
  entities: ['admin', 'central', 'office_head'],
  offices: ['admin', 'central', 'office_head', 'assessor'],
  users: ['admin'],
  imports: ['admin', 'central'],
};

export function canOpen(user: User | null, page: AdminPage): boolean {
  return user !== null && ACCESS[page].includes(user.role);
}

export function adminPagesFor(user: User | null): AdminPage[] {
  return ADMIN_PAGES.filter((p) => canOpen(user, p));
}
