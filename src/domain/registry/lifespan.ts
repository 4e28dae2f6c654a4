/**
 * A registry entity's lifespan. Ministries and agencies that were split or reshaped
 * (Kemenkumham into Kemenkum, Kemenham and Kemenimipas after 2024) keep their entry
 * with the last year they existed ("until") and the bodies that took over their
 * services ("successors"). Such a body can be assessed in the cycles up to that year
 * and no later: data written for a later cycle must name a successor. Its results of
 * earlier cycles stay as they are, readable like any other.
 */
import type { RegistryEntity } from './names.ts';

type Lifespan = Pick<RegistryEntity, 'code' | 'name' | 'until' | 'successors'>;

export type Assessability<E extends Lifespan> =
  | { ok: true }
  | {
      ok: false;
      /** the last year the entity existed */
      until: number;
      /** the bodies to assess instead in that year (successors that ended too are replaced by theirs) */
      successors: E[];
      message: string;
    };

/** Whether the entity still existed in the cycle year: always for one without an end. */
export function existsIn(entity: Pick<RegistryEntity, 'until'>, year: number): boolean {
  return entity.until === null || year <= entity.until;
}

/**
 * The bodies that stand for an ended entity in `year`: its successors, a successor
 * that has ended by then replaced by its own, in the registry's order, each once.
 * Codes the lookup does not know are left out.
 */
export function successorsIn<E extends Lifespan>(
  entity: Lifespan,
  year: number,
  byCode: (code: string) => E | undefined,
): E[] {
  const out: E[] = [];
  const seen = new Set<string>([entity.code]);
  const visit = (codes: readonly string[]) => {
    for (const code of codes) {
      if (seen.has(code)) continue;
      seen.add(code);
      const next = byCode(code);
      if (next === undefined) continue;
      if (existsIn(next, year)) out.push(next);
      else visit(next.successors);
    }
  };
  visit(entity.successors);
  return out;
}

/**
 * Whether data may be written for the entity in the cycle of `year`; when not, the
 * message names the year it ended and the successors to use instead:
 * "Kementerian Hukum dan Hak Asasi Manusia existed until 2024; for the 2025 cycle
 * use one of its successors: Kementerian Hukum, Kementerian Hak Asasi Manusia, …".
 */
export function assessableIn<E extends Lifespan>(
  entity: Lifespan,
  year: number,
  byCode: (code: string) => E | undefined,
): Assessability<E> {
  if (entity.until === null || existsIn(entity, year)) return { ok: true };
  const successors = successorsIn(entity, year, byCode);
  const names = successors.map((s) => s.name).join(', ');
  const instead =
    successors.length === 0
      ? `it cannot be assessed in the ${year} cycle`
      : successors.length === 1
        ? `for the ${year} cycle use its successor: ${names}`
        : `for the ${year} cycle use one of its successors: ${names}`;
  return {
    ok: false,
    until: entity.until,
    successors,
    message: `${entity.name} existed until ${entity.until}; ${instead}`,
  };
}

/**
 * The first year each successor existed: the year after the last year of the body it
 * took over from (Kemenkum, Kemenham and Kemenimipas from 2025, after Kemenkumham's
 * 2024). A body that succeeds several takes the earliest. Bodies that succeed none
 * are absent: they have always existed as far as the registry knows.
 */
export function firstYears(entities: readonly Lifespan[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entities) {
    if (e.until === null) continue;
    for (const code of e.successors) {
      const from = e.until + 1;
      const known = out.get(code);
      if (known === undefined || from < known) out.set(code, from);
    }
  }
  return out;
}

/** Whether the entity existed in `year`: not after its last year, not before its first. */
export function existedIn(entity: Lifespan, year: number, first: ReadonlyMap<string, number>): boolean {
  const from = first.get(entity.code);
  return existsIn(entity, year) && (from === undefined || year >= from);
}

/** The bodies an entity took over from: those naming it among their successors. */
export function predecessorsOf<E extends Lifespan>(entity: Lifespan, entities: readonly E[]): E[] {
  return entities.filter((e) => e.successors.includes(entity.code));
}
