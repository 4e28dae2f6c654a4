/**
 * Imports the register of supervision products (columns entity, kind, number,
 * issued_on, due_on, status; optional evidence — SHA-256 hashes separated by ";" —,
 * note, level). Kinds as registers write them (LAHP / Tindakan Korektif, LHA,
 * Saran Penyempurnaan, Rekomendasi), statuses belum/proses/selesai, dates 2026-03-31
 * or 31/03/2026. All-or-nothing with every bad row reported; a product with the same
 * entity, kind and number is replaced. Entities resolve to the bodies of today's
 * registry (the register is not per cycle).
 */
import type { ProductInput } from '../../db/repos/supervision-products.ts';
import {
  checkProduct,
  parseProductKind,
  parseProductStatus,
  parseRegisterDate,
} from '../../domain/supervision/qualifier.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { loadResolver } from '../registry/registry.ts';
import { writeProducts } from '../supervision/products.ts';
import { readLevelCell } from './level-cell.ts';
import { mapColumns, openTable, type RowError, rejectRows } from './table-reader.ts';

export interface ImportProductsReport {
  rows: number;
  products: number;
}

export async function importProducts(ctx: ServiceContext, p: Principal, file: string): Promise<ImportProductsReport> {
  const resolver = await loadResolver(ctx);
  const table = await openTable(file);
  const col = mapColumns(
    table.header,
    ['entity', 'kind', 'number', 'issued_on', 'due_on', 'status'] as const,
    ['evidence', 'note', 'level'] as const,
  );
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const inputs: ProductInput[] = [];
  let rows = 0;
  for await (const { row, cells } of table.rows) {
    rows += 1;
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const before = errors.length;
    const bad = (column: string, message: string) => errors.push({ row, column, message });
    const levelText = cell(col.level).toLowerCase();
    const levelCell = readLevelCell(levelText);
    const level = levelCell.ok ? levelCell.level : undefined;
    if (!levelCell.ok) errors.push({ row, column: 'level', message: levelCell.message });
    let entityId = -1;
    const name = cell(col.entity);
    if (!name) bad('entity', 'entity is empty');
    else {
      const r = resolver.resolve(name, level);
      if (r.ok) entityId = r.entity.id;
      else bad('entity', r.message);
    }
    const kind = parseProductKind(cell(col.kind));
    if (!kind) bad('kind', `"${cell(col.kind)}" is not a product kind (LAHP, LHA, Saran Penyempurnaan, Rekomendasi)`);
    const status = parseProductStatus(cell(col.status));
    if (!status) bad('status', `"${cell(col.status)}" is not a follow-up status (belum, proses, selesai)`);
    const issuedOn = parseRegisterDate(cell(col.issued_on));
    if (!issuedOn) bad('issued_on', `"${cell(col.issued_on)}" is not a date (2026-03-31 or 31/03/2026)`);
    const dueOn = parseRegisterDate(cell(col.due_on));
    if (!dueOn) bad('due_on', `"${cell(col.due_on)}" is not a date (2026-03-31 or 31/03/2026)`);
    const number = cell(col.number);
    const evidenceHashes = cell(col.evidence)
      .split(';')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean);
    if (errors.length > before || !kind || !status || !issuedOn || !dueOn) continue;
    const input: ProductInput = {
      entityId,
      kind,
      number,
      issuedOn,
      dueOn,
      status,
      evidenceHashes,
      note: cell(col.note) || null,
    };
    const problems = checkProduct(input);
    for (const m of problems) bad(m.startsWith('"') ? 'evidence' : m.startsWith('number') ? 'number' : 'due_on', m);
    if (problems.length > 0) continue;
    const key = `${entityId}\u0000${kind}\u0000${number}`;
    const dup = seen.get(key);
    if (dup !== undefined) {
      bad('number', `product ${number} of this entity is already in row ${dup}`);
      continue;
    }
    seen.set(key, row);
    inputs.push(input);
  }
  if (rows === 0) errors.push({ row: 1, message: 'the file has a header but no rows' });
  if (errors.length > 0) throw rejectRows(file, errors);
  const written = await writeProducts(ctx, p, inputs, 'import.products', { file: file.split(/[\\/]/).pop(), rows });
  return { rows, products: written.length };
}
