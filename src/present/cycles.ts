/** A cycle as the API shows it, with the transitions the person asking may make. */
import { type CycleStatus, nextStatuses } from '../domain/cycle/lifecycle.ts';
import { canMoveCycle } from '../services/auth/policy.ts';
import type { Principal } from '../services/auth/principal.ts';
import type { ServiceContext } from '../services/context.ts';
import type { CycleView } from '../shared/api-schemas.ts';

/** What the presenter needs of a cycle. */
export interface PresentableCycle {
  year: number;
  code: string;
  track: CycleView['track'];
  levels: CycleView['levels'];
  edition: string | null;
  bandScheme: string;
  status: CycleStatus;
  settings: CycleView['settings'];
}

export function presentCycle(ctx: ServiceContext, p: Principal, c: PresentableCycle): CycleView {
  const instrument = c.edition ? ctx.catalog.editions.get(c.edition) : undefined;
  return {
    year: c.year,
    code: c.code,
    track: c.track,
    levels: c.levels,
    edition: c.edition,
    bandScheme: c.bandScheme,
    status: c.status,
    settings: c.settings,
    instrument: instrument ? { edition: instrument.edition, name: instrument.name } : null,
    transitions: canMoveCycle(p) ? [...nextStatuses(c.status)] : [],
  };
}
