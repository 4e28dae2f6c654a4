/** Resolves the entity names people type (in imports and the CLI) to registry entities. */
import { type EntityRow, listEntities } from '../db/repos/entities.ts';
import type { Level } from '../domain/instrument/schema.ts';
import { buildNameIndex, formatCandidates, resolveEntity } from '../domain/registry/names.ts';
import { AppError } from '../errors.ts';
import type { ServiceContext } from './context.ts';

export type Resolution =
  | { ok: true; entity: EntityRow }
  | { ok: false; message: string; reason: 'unknown' | 'ambiguous' };

export interface EntityResolver {
  resolve(name: string, level?: Level): Resolution;
  byId(id: number): EntityRow | undefined;
  all(): readonly EntityRow[];
}

export async function loadResolver(ctx: Pick<ServiceContext, 'db'>): Promise<EntityResolver> {
  const rows = await listEntities(ctx.db);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const index = buildNameIndex(rows);
  const cache = new Map<string, Resolution>();
  return {
    resolve(name, level) {
      const key = `${level ?? ''}\u0000${name}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const r = resolveEntity(index, name, level ? { level } : undefined);
      let out: Resolution;
      if (r.ok) {
        const row = byCode.get(r.entity.code);
        out = row ? { ok: true, entity: row } : { ok: false, reason: 'unknown', message: `unknown entity "${name}"` };
      } else if (r.reason === 'ambiguous') {
        out = {
          ok: false,
          reason: 'ambiguous',
          message: `"${name}" could be ${formatCandidates(r.candidates)}; write the full name (e.g. with Kota/Kabupaten) or add a level column`,
        };
      } else {
        out = {
          ok: false,
          reason: 'unknown',
          message: `unknown entity "${name}"${r.candidates.length ? `; did you mean ${formatCandidates(r.candidates)}?` : ''}`,
        };
      }
      cache.set(key, out);
      return out;
    },
    byId: (id) => byId.get(id),
    all: () => rows,
  };
}

/** Resolves one name or throws the error a person can act on. */
export function resolveOrThrow(resolver: EntityResolver, name: string, level?: Level): EntityRow {
  const r = resolver.resolve(name, level);
  if (r.ok) return r.entity;
  throw new AppError(r.reason === 'ambiguous' ? 'AMBIGUOUS_ENTITY' : 'UNKNOWN_ENTITY', r.message);
}
