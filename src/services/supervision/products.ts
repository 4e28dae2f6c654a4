/**
 * The register of the Ombudsman's supervision products (LAHP, LHA, saran
 * penyempurnaan, rekomendasi) per entity: import, add, change, remove. Central staff
 * only; every change is audited and re-stores the results of every cycle whose
 * edition has the qualifier "Tanpa Maladministrasi", in the same transaction.
 */
import { appendAudit } from '../../db/repos/audit.ts';
import {
  deleteProduct,
  findProduct,
  listProducts,
  type ProductInput,
  type ProductRow,
  updateProduct,
  upsertProducts,
} from '../../db/repos/supervision-products.ts';
import { checkProduct } from '../../domain/supervision/qualifier.ts';
import { AppError } from '../../errors.ts';
import { canManageSupervision, ensure } from '../auth/policy.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { loadResolver, resolveOrThrow } from '../registry/registry.ts';
import { refreshQualifiedCycles } from './refresh.ts';

export interface ProductFields {
  entity: string;
  kind: ProductInput['kind'];
  number: string;
  issuedOn: string;
  dueOn: string;
  status: ProductInput['status'];
  evidenceHashes?: string[];
  note?: string | null;
}

async function toInput(ctx: ServiceContext, f: ProductFields): Promise<ProductInput> {
  const entity = resolveOrThrow(await loadResolver(ctx), f.entity);
  const input: ProductInput = {
    entityId: entity.id,
    kind: f.kind,
    number: f.number.trim(),
    issuedOn: f.issuedOn,
    dueOn: f.dueOn,
    status: f.status,
    evidenceHashes: f.evidenceHashes ?? [],
    note: f.note ?? null,
  };
  const problems = checkProduct(input);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.join('; '), { problems });
  return input;
}

export async function listSupervisionProducts(
  ctx: ServiceContext,
  p: Principal,
  entity?: string,
): Promise<ProductRow[]> {
  ensure(p, canManageSupervision(p), 'read the supervision product register');
  const id = entity === undefined ? undefined : resolveOrThrow(await loadResolver(ctx), entity).id;
  return listProducts(ctx.db, id);
}

/** Writes products (an import or one added), audited, and re-stores the qualified cycles. */
export async function writeProducts(
  ctx: ServiceContext,
  p: Principal,
  inputs: readonly ProductInput[],
  action: string,
  after: Record<string, unknown> = {},
): Promise<ProductRow[]> {
  ensure(p, canManageSupervision(p), 'change the supervision product register');
  return ctx.db.transaction().execute(async (tx) => {
    const rows = await upsertProducts(tx, inputs);
    const cycles = await refreshQualifiedCycles({ ...ctx, db: tx });
    await appendAudit(tx, {
      actor: actorOf(p),
      action,
      subject: rows.length === 1 ? `supervision_product:${rows[0]?.id}` : 'supervision_products',
      after: rows.length === 1 ? { ...rows[0], cycles } : { ...after, products: rows.length, cycles },
    });
    return rows;
  });
}

export async function addProduct(ctx: ServiceContext, p: Principal, f: ProductFields): Promise<ProductRow> {
  ensure(p, canManageSupervision(p), 'change the supervision product register');
  const rows = await writeProducts(ctx, p, [await toInput(ctx, f)], 'supervision_product.upsert');
  return rows[0] as ProductRow;
}

export async function changeProduct(
  ctx: ServiceContext,
  p: Principal,
  id: number,
  f: ProductFields,
): Promise<ProductRow> {
  ensure(p, canManageSupervision(p), 'change the supervision product register');
  const input = await toInput(ctx, f);
  return ctx.db.transaction().execute(async (tx) => {
    const before = await findProduct(tx, id);
    if (!before) throw new AppError('NOT_FOUND', `there is no supervision product ${id}`);
    const clash = (await listProducts(tx, input.entityId)).find(
      (o) => o.id !== id && o.kind === input.kind && o.number === input.number,
    );
    if (clash)
      throw new AppError('CONFLICT', `product ${input.number} (${input.kind}) of this entity is already ${clash.id}`);
    const row = (await updateProduct(tx, id, input)) as ProductRow;
    await refreshQualifiedCycles({ ...ctx, db: tx });
    await appendAudit(tx, {
      actor: actorOf(p),
      action: 'supervision_product.update',
      subject: `supervision_product:${id}`,
      before,
      after: row,
    });
    return row;
  });
}

export async function removeProduct(ctx: ServiceContext, p: Principal, id: number): Promise<void> {
  ensure(p, canManageSupervision(p), 'change the supervision product register');
  await ctx.db.transaction().execute(async (tx) => {
    const before = await findProduct(tx, id);
    if (!before || !(await deleteProduct(tx, id)))
      throw new AppError('NOT_FOUND', `there is no supervision product ${id}`);
    await refreshQualifiedCycles({ ...ctx, db: tx });
    await appendAudit(tx, {
      actor: actorOf(p),
      action: 'supervision_product.delete',
      subject: `supervision_product:${id}`,
      before,
    });
  });
}
