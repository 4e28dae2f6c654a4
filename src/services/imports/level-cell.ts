/** The optional `level` column of an import: empty, or one of the levels (a bad value is a row error). */
import { LEVELS, type Level } from '../../domain/instrument/schema.ts';
import { echo } from '../../domain/text/cells.ts';

export type LevelCell = { ok: true; level: Level | undefined } | { ok: false; message: string };

/** Reads a `level` cell (any case); an empty cell is no level. */
export function readLevelCell(text: string): LevelCell {
  const t = text.trim().toLowerCase();
  if (!t) return { ok: true, level: undefined };
  if ((LEVELS as readonly string[]).includes(t)) return { ok: true, level: t as Level };
  return { ok: false, message: `${echo(t)} is not a level (${LEVELS.join(', ')})` };
}
