/**
 * Report cards (rapor) and certificates (piagam penghargaan) of a cycle. The numbers
 * come from cycleResults (score, category, opinion, zone, ranks, unit and dimension
 * scores) and explainResults (the entity's dimension means and costliest indicators);
 * nothing is recomputed here.
 */
import { createHash } from 'node:crypto';
import type { BandScheme, Level } from '../../domain/instrument/schema.ts';
import { buildCardModel, type CardInput, type ReportCardModel } from '../../domain/report/card.ts';
import { type CertificateDecision, type CertificateModel, decideCertificate } from '../../domain/report/certificate.ts';
import { entityFileBase } from '../../domain/report/format.ts';
import { bandFor } from '../../domain/scoring/bands.ts';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import { type CycleRef, type LoadedCycle, previousPublishedYear } from '../cycles.ts';
import { loadResolver, resolveOrThrow } from '../registry/registry.ts';
import { type EntityExplanation, explainResults } from '../results/explain.ts';
import { cycleResults, type EntityResultView } from '../results/results.ts';
import { buildCardDocument } from './card-document.ts';
import { buildCertificateDocument } from './certificate-document.ts';
import { renderPdf } from './pdf.ts';

export interface RenderOptions {
  /** how many findings a card lists (default 5) */
  findings?: number;
  /** the date printed on the documents (default now) */
  printedAt?: Date;
  /** false writes uncompressed content streams (readable in a text editor) */
  compress?: boolean;
}

/** What every card of a cycle needs besides the entity's own result. */
export interface CycleReportData {
  cycle: LoadedCycle;
  results: EntityResultView[];
  previous: { cycle: LoadedCycle; byCode: Map<string, EntityResultView> } | null;
  levelCounts: Map<Level, number>;
}

export async function loadReportData(ctx: ServiceContext, ref: CycleRef): Promise<CycleReportData> {
  const { cycle, results } = await cycleResults(ctx, ref);
  const prevYear = await previousPublishedYear(ctx, cycle.year);
  let previous: CycleReportData['previous'] = null;
  if (prevYear !== null) {
    const prev = await cycleResults(ctx, prevYear);
    previous = { cycle: prev.cycle, byCode: new Map(prev.results.map((r) => [r.entity.code, r])) };
  }
  const levelCounts = new Map<Level, number>();
  for (const r of results) levelCounts.set(r.entity.level, (levelCounts.get(r.entity.level) ?? 0) + 1);
  return { cycle, results, previous, levelCounts };
}

export function cardModel(data: CycleReportData, x: EntityExplanation, findings?: number): ReportCardModel {
  const before = data.previous?.byCode.get(x.result.entity.code);
  const input: CardInput = {
    year: data.cycle.year,
    status: data.cycle.status,
    bands: data.cycle.bands,
    instrument: x.instrument,
    result: x.result,
    explanation: x.explanation,
    levelCount: data.levelCounts.get(x.result.entity.level) ?? 0,
    previous:
      before && data.previous
        ? { year: data.previous.cycle.year, bands: data.previous.cycle.bands, result: before }
        : null,
  };
  return buildCardModel(input, findings);
}

/** The error for an entity without a result, naming it as the caller named it. */
const noResultFor = (name: string, year: CycleRef) =>
  new AppError('NOT_FOUND', `${name} has no result in the ${year} cycle`);

/** The registry's errors for unknown or ambiguous names, as everywhere else. */
async function resolveCode(ctx: ServiceContext, entityName: string): Promise<string> {
  return resolveOrThrow(await loadResolver(ctx), entityName).code;
}

export interface RenderedReport<M> {
  pdf: Buffer;
  model: M;
  /** e.g. "32.75-kota-bekasi-rapor-2022.pdf" */
  fileName: string;
}

export function cardFileName(entity: { code: string; name: string }, year: number): string {
  return `${entityFileBase(entity)}-rapor-${year}.pdf`;
}

export function certificateFileName(entity: { code: string; name: string }, year: number): string {
  return `${entityFileBase(entity)}-piagam-${year}.pdf`;
}

export async function renderCard(model: ReportCardModel, opts: RenderOptions = {}): Promise<Buffer> {
  return renderPdf(buildCardDocument(model, opts.printedAt ?? new Date(), opts.compress ?? true));
}

export async function renderCertificate(model: CertificateModel, opts: RenderOptions = {}): Promise<Buffer> {
  return renderPdf(buildCertificateDocument(model, opts.printedAt ?? new Date(), opts.compress ?? true));
}

/**
 * A document ready to render: what it shows (its model), its file name and a hash of
 * the model, so that a caller can tell "the same document" (the printing date aside)
 * without rendering it, which is the costly part.
 */
export interface PreparedReport<M> {
  model: M;
  fileName: string;
  /** a hash of the model: equal for documents that show the same, whenever printed */
  fingerprint: string;
  render(opts?: Omit<RenderOptions, 'findings'>): Promise<Buffer>;
}

function prepared<M>(
  model: M,
  fileName: string,
  render: (model: M, opts: RenderOptions) => Promise<Buffer>,
): PreparedReport<M> {
  const fingerprint = createHash('sha256').update(JSON.stringify(model)).digest('base64url').slice(0, 27);
  return { model, fileName, fingerprint, render: (opts = {}) => render(model, opts) };
}

/**
 * The report card of the entity with this registry code. `notFound` is the error for
 * an entity without a result in the cycle (callers word it as they named the entity).
 */
export async function prepareReportCard(
  ctx: ServiceContext,
  ref: CycleRef,
  code: string,
  notFound: AppError,
  findings?: number,
): Promise<PreparedReport<ReportCardModel>> {
  const data = await loadReportData(ctx, ref);
  const year = data.cycle.year;
  const result = data.results.find((r) => r.entity.code === code);
  if (!result) throw notFound;
  const [x] = await explainResults(ctx, data.cycle, [result]);
  const model = cardModel(data, x as EntityExplanation, findings);
  return prepared(model, cardFileName(model.entity, year), renderCard);
}

/** The certificate of the entity with this registry code; NOT_ELIGIBLE outside the green zone. */
export async function prepareCertificate(
  ctx: ServiceContext,
  ref: CycleRef,
  code: string,
  notFound: AppError,
  unit?: string,
): Promise<PreparedReport<CertificateModel>> {
  const { cycle, results } = await cycleResults(ctx, ref);
  const year = cycle.year;
  const r = results.find((x) => x.entity.code === code);
  if (!r) throw notFound;
  const decision = unit === undefined ? decideCertificate(year, r) : unitCertificate(cycle.bands, year, r, unit);
  if (!decision.ok) throw new AppError('NOT_ELIGIBLE', decision.reason, { zone: r.zone, category: r.category });
  return prepared(decision.model, certificateFileName(decision.model.entity, year), renderCertificate);
}

/** A single unit's certificate (a Dinas Kesehatan at 91.31 while its Pemda scored low): by the unit's own score. */
function unitCertificate(bands: BandScheme, year: number, r: EntityResultView, unit: string): CertificateDecision {
  const want = unit.trim().toLowerCase();
  const u = r.units.find((x) => x.name.toLowerCase() === want || String(x.id) === want);
  if (!u || u.score === null) {
    const names = r.units.map((x) => x.name).join(', ') || 'none';
    throw new AppError('NOT_FOUND', `${r.entity.name} has no scored unit "${unit}" in ${year}; its units: ${names}`);
  }
  const b = bandFor(bands, u.score);
  return decideCertificate(
    year,
    {
      ...r,
      score: b.rounded,
      category: b.category,
      zone: b.zone,
      opinionText: b.opinion,
      award: u.award ?? { eligible: b.award, withheld: null },
    },
    u.name,
  );
}

/** The report card of one entity, by name, alias or code. */
export async function reportCard(
  ctx: ServiceContext,
  year: CycleRef,
  entityName: string,
  opts: RenderOptions = {},
): Promise<RenderedReport<ReportCardModel>> {
  const code = await resolveCode(ctx, entityName);
  const card = await prepareReportCard(ctx, year, code, noResultFor(entityName, year), opts.findings);
  return { pdf: await card.render(opts), model: card.model, fileName: card.fileName };
}

/** The certificate of one entity, by name, alias or code; an entity outside the green zone gets a NOT_ELIGIBLE error. */
export async function certificate(
  ctx: ServiceContext,
  year: CycleRef,
  entityName: string,
  opts: RenderOptions & { unit?: string } = {},
): Promise<RenderedReport<CertificateModel>> {
  const code = await resolveCode(ctx, entityName);
  const c = await prepareCertificate(ctx, year, code, noResultFor(entityName, year), opts.unit);
  return { pdf: await c.render(opts), model: c.model, fileName: c.fileName };
}
