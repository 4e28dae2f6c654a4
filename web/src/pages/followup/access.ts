/**
 * What a role is shown in follow-up and objections; the server decides
 * (src/services/auth/follow-up-policy.ts), this mirrors it so nobody is offered a
 * button that would only answer 403.
 */
import type { User } from '../../api/schemas';

type Who = Pick<User, 'role'> | null;
const staff = (u: Who) => u !== null && u.role !== 'entity_official';

export const mayUseFollowUp = (u: Who): boolean => u !== null;
export const maySeeProgress = staff;
export const mayLogMentoring = staff;
export const mayGenerate = (u: Who): boolean =>
  u?.role === 'admin' || u?.role === 'central' || u?.role === 'office_head';
export const mayFileObjection = (u: Who): boolean => u?.role === 'entity_official';
export const mayDecideObjection = mayGenerate;
