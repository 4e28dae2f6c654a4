/**
 * Imports the candidate units of entities for a cycle's sampling (columns entity,
 * unit, kind, product; one row per product; optional level). Every row is checked
 * first and every bad row reported; only a clean file is written, in one transaction.
 * For each entity in the file, the file's list replaces the entity's earlier list.
 * A body that no longer existed in the cycle's year is a bad row naming its successors.
 */
import { appendAudit } from '../../db/repos/audit.ts';
import {
  entitiesWithCandidates,
  entitiesWithSamples,
  type NewCandidate,
  replaceCandidates,
} from '../../db/repos/sampling.ts';
import { canonicalKey } from '../../domain/sampling/draw.ts';
import { echo, formulaNameProblem } from '../../domain/text/cells.ts';
import type { ServiceContext } from '../context.ts';
import { type CycleRef, loadCycle } from '../cycles.ts';
import { readLevelCell } from '../imports/level-cell.ts';
import { mapColumns, openTable, type RowError, rejectRows } from '../imports/table-reader.ts';
import { loadResolver } from '../registry/registry.ts';
import { ensureSamplingOpen, samplingRuleOf } from './rule.ts';

export interface ImportCandidatesReport {
  cycle: number;
  rows: number;
  entities: number;
  units: number;
  products: number;
  /** entities whose earlier candidate list was replaced */
  replaced: number;
  /** entities that already have a stored sample: `patuh sample verify` will report their candidates as changed */
  sampled: Array<{ code: string; name: string }>;
}

interface PendingUnit extends NewCandidate {
  row: number;
  productRows: Map<string, number>;
}

const tidy = (s: string) => s.trim().replace(/\s+/g, ' ');

export async function importCandidates(
  ctx: ServiceContext,
  file: string,
  ref: CycleRef,
  /** who is audited (default: the CLI) */
  actor = 'cli',
): Promise<ImportCandidatesReport> {
  const cycle = await loadCycle(ctx, ref);
  const year = cycle.year;
  const rule = samplingRuleOf(cycle);
  ensureSamplingOpen(cycle);
  const kinds = new Map(rule.unitKinds.map((k) => [canonicalKey(k.kind), k.kind]));
  const kindList = rule.unitKinds.map((k) => k.kind).join(', ');
  const resolver = await loadResolver(ctx);
  const table = await openTable(file);
  const col = mapColumns(table.header, ['entity', 'unit', 'kind', 'product'] as const, ['level'] as const);

  const errors: RowError[] = [];
  const units = new Map<string, PendingUnit>(); // "entityId\0unit key"
  let rows = 0;
  for await (const { row, cells } of table.rows) {
    rows += 1;
    const cell = (i: number) => (i >= 0 ? tidy(cells[i] ?? '') : '');
    const entityName = cell(col.entity);
    const unitName = cell(col.unit);
    const kindText = cell(col.kind);
    const product = cell(col.product);
    const levelText = cell(col.level).toLowerCase();
    const before = errors.length;

    const levelCell = readLevelCell(levelText);
    const level = levelCell.ok ? levelCell.level : undefined;
    if (!levelCell.ok) errors.push({ row, column: 'level', message: levelCell.message });
    let entityId = -1;
    const entityProblem = formulaNameProblem('entity', entityName);
    if (!entityName) errors.push({ row, column: 'entity', message: 'entity is empty' });
    else if (entityProblem) errors.push({ row, column: 'entity', message: entityProblem });
    else {
      const r = resolver.resolveForCycle(entityName, year, level);
      if (r.ok) entityId = r.entity.id;
      else errors.push({ row, column: 'entity', message: r.message });
    }
    if (!unitName)
      errors.push({ row, column: 'unit', message: 'unit is empty: name the service unit (e.g. Disdukcapil)' });
    const unitProblem = formulaNameProblem('unit name', unitName);
    if (unitProblem) errors.push({ row, column: 'unit', message: unitProblem });
    const productProblem = formulaNameProblem('product', product);
    if (productProblem) errors.push({ row, column: 'product', message: productProblem });
    const kind = kinds.get(canonicalKey(kindText));
    if (!kindText) errors.push({ row, column: 'kind', message: `kind is empty: use one of ${kindList}` });
    else if (!kind) {
      errors.push({
        row,
        column: 'kind',
        message: `${echo(kindText)} is not a unit kind of the ${year} sampling rule (${kindList})`,
      });
    }
    if (!product)
      errors.push({ row, column: 'product', message: 'product is empty: name one service product per row' });
    if (errors.length > before || !kind) continue;

    const unitKey = `${entityId}\u0000${canonicalKey(unitName)}`;
    let unit = units.get(unitKey);
    if (!unit) {
      unit = {
        entityId,
        name: unitName,
        nameKey: canonicalKey(unitName),
        kind,
        products: [],
        row,
        productRows: new Map(),
      };
      units.set(unitKey, unit);
    } else if (unit.kind !== kind) {
      errors.push({ row, column: 'kind', message: `${unitName} is a ${unit.kind} in row ${unit.row}, not a ${kind}` });
      continue;
    }
    const productKey = canonicalKey(product);
    const dup = unit.productRows.get(productKey);
    if (dup !== undefined) {
      errors.push({ row, column: 'product', message: `${unitName} already lists ${echo(product)} in row ${dup}` });
      continue;
    }
    unit.productRows.set(productKey, row);
    unit.products.push(product);
  }
  if (rows === 0) errors.push({ row: 1, message: 'the file has a header but no rows' });
  if (errors.length > 0) throw rejectRows(file, errors);

  const list = [...units.values()].map(({ row: _row, productRows: _rows, ...c }) => c);
  const entityIds = [...new Set(list.map((u) => u.entityId))];
  return ctx.db.transaction().execute(async (tx) => {
    const had = await entitiesWithCandidates(tx, cycle.id, entityIds);
    const sampled = await entitiesWithSamples(tx, cycle.id, entityIds);
    await replaceCandidates(tx, cycle.id, entityIds, list);
    const report = {
      cycle: year,
      rows,
      entities: entityIds.length,
      units: list.length,
      products: list.reduce((n, u) => n + u.products.length, 0),
      replaced: had.size,
      sampled: [...sampled]
        .map((id) => resolver.byId(id))
        .filter((e) => e !== undefined)
        .map((e) => ({ code: e.code, name: e.name }))
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    };
    await appendAudit(tx, {
      actor,
      action: 'sample.candidates',
      subject: `cycle:${cycle.code}`,
      after: { file: file.split(/[\\/]/).pop(), ...report },
    });
    return report;
  });
}
