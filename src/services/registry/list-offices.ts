import { listOffices as listOfficeRows } from '../../db/repos/entities.ts';
import { canListOffices, ensure, scopeEntities } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';

/** The regional offices: all for central staff, its own for an office role. */
export async function listOffices(ctx: ServiceContext, p: Principal) {
  ensure(p, canListOffices(p), 'see the regional offices');
  const scope = scopeEntities(p);
  const rows = await listOfficeRows(ctx.db);
  return rows
    .filter((o) => scope.kind === 'all' || (scope.kind === 'province' && o.province_code === scope.provinceCode))
    .map((o) => ({ code: o.code, name: o.name, provinceCode: o.province_code }));
}
