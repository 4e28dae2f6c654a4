import { type CycleRow, findCycleByYear, listCycles } from '../db/repos/cycles.ts';
import type { BandScheme, Instrument } from '../domain/instrument/schema.ts';
import { AppError } from '../errors.ts';
import type { ServiceContext } from './context.ts';

export interface LoadedCycle extends CycleRow {
  instrument: Instrument | null;
  bands: BandScheme;
}

export async function loadCycle(ctx: ServiceContext, year: number): Promise<LoadedCycle> {
  const row = await findCycleByYear(ctx.db, year);
  if (!row) {
    const known = (await listCycles(ctx.db)).map((c) => c.year).join(', ');
    throw new AppError('CYCLE_NOT_FOUND', `there is no ${year} cycle; known cycles: ${known || 'none'}`);
  }
  const bands = ctx.catalog.bandSchemes.get(row.bandScheme);
  if (!bands)
    throw new AppError('INTERNAL', `cycle ${year} uses band scheme ${row.bandScheme}, which is not installed`);
  let instrument: Instrument | null = null;
  if (row.edition) {
    instrument = ctx.catalog.editions.get(row.edition) ?? null;
    if (!instrument)
      throw new AppError('INTERNAL', `cycle ${year} uses instrument ${row.edition}, which is not installed`);
  }
  return { ...row, instrument, bands };
}

/** The instrument of a cycle that is scored from answers; a results-only cycle is an input error. */
export function requireInstrument(cycle: LoadedCycle): Instrument {
  if (!cycle.instrument) {
    throw new AppError(
      'VALIDATION_FAILED',
      `the ${cycle.year} cycle is known only by its published results and has no instrument; answers can be imported into a cycle with an instrument edition`,
    );
  }
  return cycle.instrument;
}

export function parseYear(value: string): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new AppError('VALIDATION_FAILED', `"${value}" is not a cycle year (e.g. 2022)`);
  }
  return year;
}

/** The year of the last published cycle before `year`: what report cards and rankings compare with. */
export async function previousPublishedYear(ctx: Pick<ServiceContext, 'db'>, year: number): Promise<number | null> {
  const earlier = (await listCycles(ctx.db)).filter((c) => c.year < year && c.status === 'published');
  return earlier[earlier.length - 1]?.year ?? null;
}
