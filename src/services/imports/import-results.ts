/**
 * Imports published results: `entity,score` (entity level) or `entity,unit,score`
 * (unit level; the entity's score is then the mean of its units, rule 5, unless a
 * row of the entity leaves the unit empty: that row is the entity's published score,
 * and it stands — results show the unit mean beside it, domain/scoring/reconcile.ts), with an
 * optional `level` column to tell apart names such as Kota and Kabupaten Bekasi.
 * All-or-nothing; an entity's published results are replaced, never duplicated.
 * A body that no longer existed in the cycle's year is a bad row naming its successors;
 * results of the years it existed import as any other.
 */
import { appendAudit } from '../../db/repos/audit.ts';
import { replacePublishedResults } from '../../db/repos/results.ts';
import { lockStoredResults } from '../../db/repos/stored-results.ts';
import { ensureUnits, unitKey } from '../../db/repos/units.ts';
import { LEVELS, type Level } from '../../domain/instrument/schema.ts';
import { scoreEntity } from '../../domain/scoring/score.ts';
import { inferUnitKind } from '../../domain/unit/kind.ts';
import type { ServiceContext } from '../context.ts';
import { type CycleRef, loadCycle } from '../cycles.ts';
import { loadResolver } from '../registry.ts';
import { refreshStoredResults } from '../stored-results.ts';
import { mapColumns, openTable, type RowError, rejectRows } from './table-reader.ts';

export interface ImportResultsReport {
  cycle: number;
  rows: number;
  entities: number;
  units: number;
}

/** Accepts 83.18 and the Indonesian 83,18. */
export function parseScore(text: string): number | null {
  const t = text.trim().replace(/^(\d+),(\d+)$/, '$1.$2');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return n >= 0 && n <= 100 ? n : null;
}

export async function importResults(
  ctx: ServiceContext,
  file: string,
  ref: CycleRef,
  opts: {
    onProgress?: (done: number, total: number) => void /** who is audited (default: the CLI) */;
    actor?: string;
  } = {},
): Promise<ImportResultsReport> {
  const cycle = await loadCycle(ctx, ref);
  const year = cycle.year;
  const resolver = await loadResolver(ctx);
  const table = await openTable(file, opts.onProgress);
  const col = mapColumns(table.header, ['entity', 'score'] as const, ['unit', 'level'] as const);
  const unitLevel = col.unit >= 0;

  const errors: RowError[] = [];
  const entityScores = new Map<number, { score: number; row: number }>();
  const unitScores = new Map<number, Map<string, { name: string; score: number; row: number }>>();
  let rows = 0;
  for await (const { row, cells } of table.rows) {
    rows += 1;
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const before = errors.length;
    const levelText = cell(col.level).toLowerCase();
    let level: Level | undefined;
    if (levelText) {
      if ((LEVELS as readonly string[]).includes(levelText)) level = levelText as Level;
      else errors.push({ row, column: 'level', message: `"${levelText}" is not a level (${LEVELS.join(', ')})` });
    }
    const name = cell(col.entity);
    let entityId = -1;
    if (!name) errors.push({ row, column: 'entity', message: 'entity is empty' });
    else {
      const r = resolver.resolveForCycle(name, year, level);
      if (r.ok) entityId = r.entity.id;
      else errors.push({ row, column: 'entity', message: r.message });
    }
    const scoreText = cell(col.score);
    const score = parseScore(scoreText);
    if (score === null)
      errors.push({ row, column: 'score', message: `score "${scoreText}" must be a number from 0 to 100` });
    const unitName = cell(col.unit).replace(/\s+/g, ' ');
    if (errors.length > before || score === null) continue;

    if (unitLevel && unitName) {
      const units = unitScores.get(entityId) ?? new Map();
      const dup = units.get(unitKey(unitName));
      if (dup) {
        errors.push({ row, column: 'unit', message: `unit "${unitName}" of this entity is already in row ${dup.row}` });
        continue;
      }
      units.set(unitKey(unitName), { name: unitName, score, row });
      unitScores.set(entityId, units);
    } else {
      const dup = entityScores.get(entityId);
      if (dup) {
        const what = unitLevel ? 'the entity score (a row with an empty unit)' : 'this entity';
        errors.push({ row, column: 'entity', message: `${what} is already in row ${dup.row}` });
        continue;
      }
      entityScores.set(entityId, { score, row });
    }
  }
  if (rows === 0) errors.push({ row: 1, message: 'the file has a header but no rows' });
  if (errors.length > 0) throw rejectRows(file, errors);

  return ctx.db.transaction().execute(async (tx) => {
    // one import of a cycle at a time: a second waits, then replaces what the first wrote (no key collision)
    await lockStoredResults(tx, cycle.id);
    const entities: Array<{ entityId: number; score: number }> = [];
    const units: Array<{ entityId: number; unitId: number; score: number }> = [];
    if (unitLevel) {
      const wanted = [...unitScores].flatMap(([entityId, m]) =>
        [...m.values()].map((u) => ({
          entityId,
          name: u.name,
          kind: inferUnitKind(u.name, resolver.byId(entityId)?.level ?? 'kota'),
        })),
      );
      const ids = await ensureUnits(tx, cycle.id, wanted);
      for (const [entityId, m] of unitScores) {
        const list = [...m.values()];
        const mean = scoreEntity(list.map((u) => ({ score: u.score, complete: true }))).score;
        if (mean === null) continue;
        // a published entity score stands; the mean of its units only stands in for a missing one
        entities.push({ entityId, score: entityScores.get(entityId)?.score ?? mean });
        for (const u of list) {
          units.push({ entityId, unitId: ids.get(`${entityId}\u0000${unitKey(u.name)}`) as number, score: u.score });
        }
      }
    }
    for (const [entityId, e] of entityScores) {
      if (!unitScores.has(entityId)) entities.push({ entityId, score: e.score });
    }
    await replacePublishedResults(tx, cycle.id, entities, units, `import:${file.split('/').pop()}`);
    await refreshStoredResults({ db: tx }, cycle, resolver);
    const report = { cycle: year, rows, entities: entities.length, units: units.length };
    await appendAudit(tx, {
      actor: opts.actor ?? 'cli',
      action: 'import.results',
      subject: `cycle:${cycle.code}`,
      after: { file: file.split(/[\\/]/).pop(), ...report },
    });
    return report;
  });
}
