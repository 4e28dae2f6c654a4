import { countActiveAdmins, findUserByEmail } from '../../db/repos/users.ts';
import type { ServiceContext } from '../context.ts';
import { createUser } from './create-user.ts';
import { SYSTEM } from './principal.ts';
import { newSecret } from './secrets.ts';

export const DEMO_ADMIN_EMAIL = 'admin@patuh.local';

/**
 * For the demo: when there is no active admin, makes admin@patuh.local with a
 * random password and returns it (to be shown once). Null when an admin exists.
 */
export async function ensureDemoAdmin(ctx: ServiceContext): Promise<{ email: string; password: string } | null> {
  if ((await countActiveAdmins(ctx.db)) > 0) return null;
  if (await findUserByEmail(ctx.db, DEMO_ADMIN_EMAIL)) return null; // deactivated on purpose: leave it
  const password = newSecret(15); // 20 characters
  await createUser(ctx, SYSTEM, { email: DEMO_ADMIN_EMAIL, name: 'Demo admin', role: 'admin', password });
  return { email: DEMO_ADMIN_EMAIL, password };
}
