/**
 * The qualifier "Tanpa Maladministrasi" (from 2025): granted when every one of the
 * entity's supervision products — corrective action (LAHP / Tindakan Korektif),
 * improvement advice (LHA), refinement advice (Saran Penyempurnaan), Recommendation
 * (Rekomendasi) — that fell due by the assessment's reference date has been carried
 * out (status "selesai"). A product not yet due, or issued after the reference date,
 * does not count. An entity without due products is granted it (nothing outstanding).
 */
export const PRODUCT_KINDS = ['lahp', 'lha', 'saran_penyempurnaan', 'rekomendasi'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

export const PRODUCT_KIND_NAMES: Record<ProductKind, { id: string; en: string }> = {
  lahp: { id: 'Tindakan Korektif (LAHP)', en: 'Corrective action (LAHP)' },
  lha: { id: 'Saran Perbaikan (LHA)', en: 'Improvement advice (LHA)' },
  saran_penyempurnaan: { id: 'Saran Penyempurnaan', en: 'Refinement advice' },
  rekomendasi: { id: 'Rekomendasi', en: 'Recommendation' },
};

export const FOLLOW_UP_STATUSES = ['belum', 'proses', 'selesai'] as const;
export type ProductStatus = (typeof FOLLOW_UP_STATUSES)[number];

export interface SupervisionProduct {
  kind: ProductKind;
  number: string;
  /** ISO dates, YYYY-MM-DD */
  issuedOn: string;
  dueOn: string;
  status: ProductStatus;
}

export interface QualifierDecision {
  granted: boolean;
  referenceDate: string;
  /** the due products not carried out, oldest due first */
  outstanding: SupervisionProduct[];
  /** how many products were due by the reference date */
  due: number;
}

/** The reference date of an assessment: the cycle's own, else the edition's day of the cycle's year. */
export function referenceDateOf(year: number, edition: { month: number; day: number }, cycleDate?: string): string {
  if (cycleDate) return cycleDate;
  return `${year}-${String(edition.month).padStart(2, '0')}-${String(edition.day).padStart(2, '0')}`;
}

export function decideQualifier(products: readonly SupervisionProduct[], referenceDate: string): QualifierDecision {
  const due = products.filter((p) => p.issuedOn <= referenceDate && p.dueOn <= referenceDate);
  const outstanding = due
    .filter((p) => p.status !== 'selesai')
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.number.localeCompare(b.number));
  return { granted: outstanding.length === 0, referenceDate, outstanding, due: due.length };
}

/** A calendar date written YYYY-MM-DD that exists. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
