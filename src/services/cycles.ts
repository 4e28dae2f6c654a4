import { type CycleRow, findCycleByCode, findCyclesByYear, listCycles, type Track } from '../db/repos/cycles.ts';
import type { BandScheme, Instrument } from '../domain/instrument/schema.ts';
import { AppError } from '../errors.ts';
import type { ServiceContext } from './context.ts';

export interface LoadedCycle extends CycleRow {
  instrument: Instrument | null;
  bands: BandScheme;
  /** the assessment whose units it answers: its parent for a self-assessment, else itself */
  unitsCycleId: number;
}

/** What names an assessment: its year (where that is unambiguous) or its code ("2026-pemda"). */
export type CycleRef = number | string;

export type { Track };

export interface ResolveOptions {
  /** the level of the entity the request is about: picks the official assessment covering it */
  level?: string;
  track?: Track;
}

/**
 * The one resolver of an assessment (ADR 0012). A code names one assessment (the
 * cycles made before assessments have their year as code, so "2022" is exact). A
 * year names its assessment when it holds one, or one official assessment (covering
 * `level` when given); otherwise AMBIGUOUS_ASSESSMENT names the choices.
 */
export async function resolveAssessment(
  ctx: Pick<ServiceContext, 'db'>,
  ref: CycleRef,
  opts: ResolveOptions = {},
): Promise<CycleRow> {
  const text = String(ref).trim();
  const exact = await findCycleByCode(ctx.db, text);
  if (exact) return exact;
  const notFound = async (what: string) => {
    const known = (await listCycles(ctx.db)).map((c) => c.code).join(', ');
    return new AppError('CYCLE_NOT_FOUND', `there is no ${what}; known assessments: ${known || 'none'}`);
  };
  if (!/^\d{4}$/.test(text)) throw await notFound(`assessment "${text}"`);
  const year = Number(text);
  const ofYear = await findCyclesByYear(ctx.db, year);
  if (ofYear.length === 0) throw await notFound(`${year} cycle`);
  if (ofYear.length === 1) return ofYear[0] as CycleRow;
  const track = opts.track ?? 'official';
  const fits = ofYear.filter((c) => c.track === track && (!opts.level || c.levels.includes(opts.level)));
  if (fits.length === 1) return fits[0] as CycleRow;
  const choices = ofYear.map((c) => ({ code: c.code, track: c.track, levels: c.levels, edition: c.edition }));
  throw new AppError(
    'AMBIGUOUS_ASSESSMENT',
    `${year} holds ${ofYear.length} assessments; name one by its code: ${ofYear.map((c) => c.code).join(', ')}`,
    { year, choices },
  );
}

/** An assessment with its instrument (the frozen copy of its edition) and band scheme. */
export async function loadCycle(ctx: ServiceContext, ref: CycleRef, opts: ResolveOptions = {}): Promise<LoadedCycle> {
  return loadCycleRow(ctx, await resolveAssessment(ctx, ref, opts));
}

export function loadCycleRow(ctx: Pick<ServiceContext, 'catalog'>, row: CycleRow): LoadedCycle {
  const bands = ctx.catalog.bandSchemes.get(row.bandScheme);
  if (!bands)
    throw new AppError('INTERNAL', `assessment ${row.code} uses band scheme ${row.bandScheme}, which is not installed`);
  let instrument: Instrument | null = null;
  if (row.edition) {
    instrument = ctx.catalog.editions.get(row.edition) ?? null;
    if (!instrument)
      throw new AppError('INTERNAL', `assessment ${row.code} uses instrument ${row.edition}, which is not installed`);
  }
  return { ...row, instrument, bands, unitsCycleId: row.parentId ?? row.id };
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

/** A `--cycle` value: a year (e.g. 2022) or an assessment code (e.g. 2026-pemda). */
export function parseYear(value: string): CycleRef {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const year = Number(text);
    if (year < 2000 || year > 2100)
      throw new AppError('VALIDATION_FAILED', `"${value}" is not a cycle year (e.g. 2022)`);
    return year;
  }
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(text)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `"${value}" is neither a cycle year (e.g. 2022) nor an assessment code (e.g. 2026-pemda)`,
    );
  }
  return text;
}

/** The year of the last published cycle before `year`: what report cards and rankings compare with. */
export async function previousPublishedYear(ctx: Pick<ServiceContext, 'db'>, year: number): Promise<number | null> {
  const earlier = (await listCycles(ctx.db)).filter((c) => c.year < year && c.status === 'published');
  return earlier[earlier.length - 1]?.year ?? null;
}
