/**
 * Resolves the entity names people type (in imports and the CLI) to registry entities,
 * and guards what is written for a cycle: a body that no longer existed in the cycle's
 * year (domain/registry/lifespan.ts) is refused with its successors named, through
 * resolveForCycle (imports, the draw) or ensureAssessable (services that found the
 * entity by code: units, assignments). Reads never check it: earlier results stay.
 */
import { type EntityRow, listEntities } from '../../db/repos/entities.ts';
import type { Level } from '../../domain/instrument/schema.ts';
import { assessableIn, existedIn, firstYears, predecessorsOf } from '../../domain/registry/lifespan.ts';
import { buildNameIndex, formatCandidates, resolveEntity } from '../../domain/registry/names.ts';
import { echo } from '../../domain/text/cells.ts';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';

export type Resolution =
  | { ok: true; entity: EntityRow }
  | { ok: false; message: string; reason: 'unknown' | 'ambiguous' }
  | {
      ok: false;
      message: string;
      /** the entity no longer existed in the cycle's year */
      reason: 'ended';
      entity: EntityRow;
      until: number;
      successors: EntityRow[];
    }
  | {
      ok: false;
      message: string;
      /** the entity did not exist yet in the cycle's year (a successor of a split body) */
      reason: 'not-yet';
      entity: EntityRow;
      from: number;
      predecessors: EntityRow[];
    };

export interface EntityResolver {
  resolve(name: string, level?: Level): Resolution;
  /**
   * resolve, for data written into the cycle of `year`: an entity that no longer
   * existed then is refused ('ended'), its message naming the successors to use
   */
  resolveForCycle(name: string, year: number, level?: Level): Resolution;
  /** ok, or 'ended' when the entity no longer existed in `year` */
  assessable(entity: EntityRow, year: number): Resolution;
  byId(id: number): EntityRow | undefined;
  all(): readonly EntityRow[];
}

export async function loadResolver(ctx: Pick<ServiceContext, 'db'>): Promise<EntityResolver> {
  return buildResolver(await listEntities(ctx.db));
}

/** The resolver over a snapshot of the registry (an import's worker builds its own from the rows). */
export function buildResolver(rows: EntityRow[]): EntityResolver {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const index = buildNameIndex(rows);
  const first = firstYears(rows);
  const cache = new Map<string, Resolution>();
  /** resolves among every body, or among the bodies that existed in `year` */
  const resolve = (name: string, level?: Level, year?: number, suggest = true): Resolution => {
    const key = `${level ?? ''}\u0000${year ?? ''}\u0000${suggest ? '' : '-'}\u0000${name}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const within = year === undefined ? undefined : (e: EntityRow) => existedIn(e, year, first);
    const r = resolveEntity(index, name, { ...(level ? { level } : {}), ...(within ? { within } : {}), suggest });
    let out: Resolution;
    if (r.ok) {
      const row = byCode.get(r.entity.code);
      out = row ? { ok: true, entity: row } : { ok: false, reason: 'unknown', message: `unknown entity ${echo(name)}` };
    } else if (r.reason === 'ambiguous') {
      out = {
        ok: false,
        reason: 'ambiguous',
        message: `${echo(name)} could be ${formatCandidates(r.candidates)}; write the full name (e.g. with Kota/Kabupaten) or add a level column`,
      };
    } else {
      out = {
        ok: false,
        reason: 'unknown',
        message: `unknown entity ${echo(name)}${r.candidates.length ? `; did you mean ${formatCandidates(r.candidates)}?` : ''}`,
      };
    }
    cache.set(key, out);
    return out;
  };
  const assessable = (entity: EntityRow, year: number): Resolution => {
    const from = first.get(entity.code);
    if (from !== undefined && year < from) return notYet(entity, year, from);
    const a = assessableIn(entity, year, (code) => byCode.get(code));
    return a.ok
      ? { ok: true, entity }
      : { ok: false, reason: 'ended', message: a.message, entity, until: a.until, successors: a.successors };
  };
  const notYet = (entity: EntityRow, year: number, from: number): Resolution => {
    const predecessors = predecessorsOf(entity, rows).filter((p) => existedIn(p, year, first));
    const instead = predecessors.length
      ? `; for the ${year} cycle use ${predecessors.map((p) => p.name).join(' or ')}`
      : '';
    return {
      ok: false,
      reason: 'not-yet',
      entity,
      from,
      predecessors,
      message: `${entity.name} exists from ${from}${instead}`,
    };
  };
  return {
    resolve: (name, level) => resolve(name, level),
    resolveForCycle(name, year, level) {
      // the bodies of that year first ("Hukum dan HAM" in 2023 is Kemenkumham), then
      // every body, to say why one of another year cannot be used
      const inYear = resolve(name, level, year);
      if (inYear.ok || inYear.reason === 'ambiguous') return inYear;
      // only a hit matters here: no suggestions computed twice for an unknown name
      const any = resolve(name, level, undefined, false);
      if (!any.ok) return inYear;
      const from = first.get(any.entity.code);
      if (from !== undefined && year < from) return notYet(any.entity, year, from);
      return assessable(any.entity, year);
    },
    assessable,
    byId: (id) => byId.get(id),
    all: () => rows,
  };
}

/** The error a failed resolution stands for; an ended entity is NOT_ELIGIBLE, with its successors in the details. */
function resolutionError(r: Exclude<Resolution, { ok: true }>): AppError {
  if (r.reason === 'not-yet') {
    return new AppError('NOT_ELIGIBLE', r.message, {
      entity: r.entity.code,
      from: r.from,
      predecessors: r.predecessors.map((s) => ({ code: s.code, name: s.name })),
    });
  }
  if (r.reason === 'ended') {
    return new AppError('NOT_ELIGIBLE', r.message, {
      entity: r.entity.code,
      until: r.until,
      successors: r.successors.map((s) => ({ code: s.code, name: s.name })),
    });
  }
  return new AppError(r.reason === 'ambiguous' ? 'AMBIGUOUS_ENTITY' : 'UNKNOWN_ENTITY', r.message);
}

/** Resolves one name or throws the error a person can act on. */
export function resolveOrThrow(resolver: EntityResolver, name: string, level?: Level): EntityRow {
  const r = resolver.resolve(name, level);
  if (r.ok) return r.entity;
  throw resolutionError(r);
}

/** Resolves one name for data written into the cycle of `year`, or throws (NOT_ELIGIBLE for a body that had ended). */
export function resolveForCycleOrThrow(resolver: EntityResolver, name: string, year: number, level?: Level): EntityRow {
  const r = resolver.resolveForCycle(name, year, level);
  if (r.ok) return r.entity;
  throw resolutionError(r);
}

/**
 * Throws NOT_ELIGIBLE, naming the successors, when the entity no longer existed in
 * the cycle of `year`: for services that found it by code and are about to write
 * for that cycle; NOT_ELIGIBLE too, naming its predecessors, for a successor that did
 * not exist yet in that year.
 */
export async function ensureAssessable(
  ctx: Pick<ServiceContext, 'db'>,
  entity: EntityRow,
  year: number,
): Promise<void> {
  const r = (await loadResolver(ctx)).assessable(entity, year);
  if (!r.ok) throw resolutionError(r);
}
