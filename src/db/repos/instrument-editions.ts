import type { Database } from '../database.ts';

export interface StoredEdition {
  code: string;
  hash: string;
  content: Record<string, unknown>;
}

export async function listStoredEditions(db: Database): Promise<StoredEdition[]> {
  const rows = await db.selectFrom('instrument_editions').select(['code', 'hash', 'content']).orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, hash: r.hash, content: r.content }));
}

/** Stores an edition the first time an assessment uses it; a stored copy is never replaced. */
export async function storeEditionIfMissing(
  db: Database,
  e: { code: string; hash: string; content: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('instrument_editions')
    .values({ code: e.code, hash: e.hash, content: JSON.stringify(e.content) })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/** The editions the assessments use. */
export async function listEditionsInUse(db: Database): Promise<string[]> {
  const rows = await db
    .selectFrom('cycles')
    .select('edition')
    .distinct()
    .where('edition', 'is not', null)
    .orderBy('edition')
    .execute();
  return rows.map((r) => r.edition as string);
}
