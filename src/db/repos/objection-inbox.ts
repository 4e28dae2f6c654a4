/** The objections of a cycle across entities (the Ombudsman's inbox): ids only, open ones first, newest first. */
import type { Database } from '../database.ts';

export interface InboxFilter {
  status?: 'open' | 'accepted' | 'rejected';
  /** the entities of a province: the province itself and its kabupaten and kota */
  provinceCode?: string;
  entityId?: number;
  limit: number;
}

export async function listObjectionIds(
  db: Database,
  cycleId: number,
  f: InboxFilter,
): Promise<{ ids: number[]; total: number }> {
  let q = db
    .selectFrom('objections as o')
    .innerJoin('entities as e', 'e.id', 'o.entity_id')
    .where('o.cycle_id', '=', cycleId);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.provinceCode) q = q.where('e.province_code', '=', f.provinceCode);
  if (f.entityId !== undefined) q = q.where('o.entity_id', '=', f.entityId);
  const [rows, count] = await Promise.all([
    q
      .select('o.id')
      .orderBy((eb) => eb.case().when('o.status', '=', 'open').then(0).else(1).end())
      .orderBy('o.filed_at', 'desc')
      .orderBy('o.id', 'desc')
      .limit(f.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}
