import type { ProductKind, ProductStatus, SupervisionProduct } from '../../domain/supervision/qualifier.ts';
import type { Database } from '../database.ts';

export interface ProductRow extends SupervisionProduct {
  id: number;
  entityId: number;
  evidenceHashes: string[];
  note: string | null;
}

export type ProductInput = Omit<ProductRow, 'id'>;

const columns = [
  'id',
  'entity_id',
  'kind',
  'number',
  'issued_on',
  'due_on',
  'status',
  'evidence_hashes',
  'note',
] as const;

function toRow(r: {
  id: number;
  entity_id: number;
  kind: string;
  number: string;
  issued_on: string;
  due_on: string;
  status: string;
  evidence_hashes: string[];
  note: string | null;
}): ProductRow {
  return {
    id: r.id,
    entityId: r.entity_id,
    kind: r.kind as ProductKind,
    number: r.number,
    issuedOn: r.issued_on,
    dueOn: r.due_on,
    status: r.status as ProductStatus,
    evidenceHashes: r.evidence_hashes,
    note: r.note,
  };
}

export async function listProducts(db: Database, entityId?: number): Promise<ProductRow[]> {
  let q = db.selectFrom('supervision_products').select(columns);
  if (entityId !== undefined) q = q.where('entity_id', '=', entityId);
  const rows = await q.orderBy('entity_id').orderBy('due_on').orderBy('number').execute();
  return rows.map(toRow);
}

export async function findProduct(db: Database, id: number): Promise<ProductRow | undefined> {
  const r = await db.selectFrom('supervision_products').select(columns).where('id', '=', id).executeTakeFirst();
  return r && toRow(r);
}

function values(p: ProductInput) {
  return {
    entity_id: p.entityId,
    kind: p.kind,
    number: p.number,
    issued_on: p.issuedOn,
    due_on: p.dueOn,
    status: p.status,
    evidence_hashes: JSON.stringify(p.evidenceHashes),
    note: p.note,
  };
}

/** Inserts or, for the same entity, kind and number, replaces products; returns them in order. */
export async function upsertProducts(db: Database, products: readonly ProductInput[]): Promise<ProductRow[]> {
  if (products.length === 0) return [];
  const rows = await db
    .insertInto('supervision_products')
    .values(products.map(values))
    .onConflict((oc) =>
      oc.columns(['entity_id', 'kind', 'number']).doUpdateSet((eb) => ({
        issued_on: eb.ref('excluded.issued_on'),
        due_on: eb.ref('excluded.due_on'),
        status: eb.ref('excluded.status'),
        evidence_hashes: eb.ref('excluded.evidence_hashes'),
        note: eb.ref('excluded.note'),
        updated_at: new Date(),
      })),
    )
    .returning(columns)
    .execute();
  return rows.map(toRow);
}

export async function updateProduct(db: Database, id: number, p: ProductInput): Promise<ProductRow | undefined> {
  const r = await db
    .updateTable('supervision_products')
    .set({ ...values(p), updated_at: new Date() })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirst();
  return r && toRow(r);
}

export async function deleteProduct(db: Database, id: number): Promise<boolean> {
  const r = await db.deleteFrom('supervision_products').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
