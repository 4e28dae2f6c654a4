/**
 * Imports public trust per entity (columns entity, trust_score, optional perception
 * and level): the trust score of the Survei Kepercayaan Masyarakat and the service
 * users' maladministration perception of the Survei Persepsi Maladministrasi, 0–100,
 * until those surveys run in Patuh (issue 10 will write the same table with its own
 * `source`). All-or-nothing with every bad row reported; an entity imported again is
 * replaced. Only for a cycle whose edition has a public-trust part (maladministrasi-2025).
 * Audited and re-stored in the same transaction.
 */
import { appendAudit } from '../../db/repos/audit.ts';
import { upsertPublicTrust } from '../../db/repos/public-trust.ts';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import { type CycleRef, loadCycle } from '../cycles.ts';
import { loadResolver } from '../registry/registry.ts';
import { refreshStoredResults } from '../results/stored-results.ts';
import { parseScore } from './import-results.ts';
import { readLevelCell } from './level-cell.ts';
import { mapColumns, openTable, type RowError, rejectRows } from './table-reader.ts';

export interface ImportTrustReport {
  cycle: number;
  rows: number;
  entities: number;
}

export async function importTrust(
  ctx: ServiceContext,
  file: string,
  year: CycleRef,
  opts: { by?: string } = {},
): Promise<ImportTrustReport> {
  const cycle = await loadCycle(ctx, year);
  if (!cycle.instrument?.parts?.some((p) => p.from === 'trust')) {
    throw new AppError(
      'VALIDATION_FAILED',
      `the ${year} cycle's edition (${cycle.edition ?? 'none'}) has no public-trust part; trust scores belong to a cycle on maladministrasi-2025 or later`,
    );
  }
  const resolver = await loadResolver(ctx);
  const table = await openTable(file);
  const col = mapColumns(table.header, ['entity', 'trust_score'] as const, ['perception', 'level'] as const);
  const errors: RowError[] = [];
  const seen = new Map<number, number>();
  const rows: Array<{ entityId: number; trustScore: number; perception: number | null }> = [];
  let count = 0;
  for await (const { row, cells } of table.rows) {
    count += 1;
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const before = errors.length;
    const levelText = cell(col.level).toLowerCase();
    const levelCell = readLevelCell(levelText);
    const level = levelCell.ok ? levelCell.level : undefined;
    if (!levelCell.ok) errors.push({ row, column: 'level', message: levelCell.message });
    let entityId = -1;
    const name = cell(col.entity);
    if (!name) errors.push({ row, column: 'entity', message: 'entity is empty' });
    else {
      const r = resolver.resolveForCycle(name, cycle.year, level);
      if (r.ok) entityId = r.entity.id;
      else errors.push({ row, column: 'entity', message: r.message });
    }
    const trustText = cell(col.trust_score);
    const trustScore = parseScore(trustText);
    if (trustScore === null)
      errors.push({ row, column: 'trust_score', message: `trust score "${trustText}" must be a number from 0 to 100` });
    const perceptionText = cell(col.perception);
    const perception = perceptionText ? parseScore(perceptionText) : null;
    if (perceptionText && perception === null)
      errors.push({
        row,
        column: 'perception',
        message: `perception "${perceptionText}" must be a number from 0 to 100`,
      });
    if (errors.length > before || trustScore === null) continue;
    const dup = seen.get(entityId);
    if (dup !== undefined) {
      errors.push({ row, column: 'entity', message: `this entity is already in row ${dup}` });
      continue;
    }
    seen.set(entityId, row);
    rows.push({ entityId, trustScore, perception });
  }
  if (count === 0) errors.push({ row: 1, message: 'the file has a header but no rows' });
  if (errors.length > 0) throw rejectRows(file, errors);

  const source = `import:${file.split(/[\\/]/).pop()}`;
  return ctx.db.transaction().execute(async (tx) => {
    await upsertPublicTrust(
      tx,
      cycle.id,
      rows.map((r) => ({ ...r, source })),
    );
    await refreshStoredResults({ db: tx }, cycle, resolver);
    const report = { cycle: cycle.year, rows: count, entities: rows.length };
    await appendAudit(tx, {
      actor: opts.by ?? 'cli',
      action: 'import.trust',
      subject: `cycle:${cycle.code}`,
      after: { file: source.slice(7), ...report },
    });
    return report;
  });
}
