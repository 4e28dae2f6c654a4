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

const KIND_ALIASES: Record<string, ProductKind> = {
  lahp: 'lahp',
  'tindakan korektif': 'lahp',
  lha: 'lha',
  'saran perbaikan': 'lha',
  saran_penyempurnaan: 'saran_penyempurnaan',
  'saran penyempurnaan': 'saran_penyempurnaan',
  rekomendasi: 'rekomendasi',
  recommendation: 'rekomendasi',
};

/** A product kind as registers write it: "LAHP", "Tindakan Korektif", "LHA", "Saran Penyempurnaan", "Rekomendasi". */
export function parseProductKind(text: string): ProductKind | null {
  return KIND_ALIASES[text.trim().toLowerCase().replace(/\s+/g, ' ')] ?? null;
}

export function parseProductStatus(text: string): ProductStatus | null {
  const t = text.trim().toLowerCase();
  return (FOLLOW_UP_STATUSES as readonly string[]).includes(t) ? (t as ProductStatus) : null;
}

/**
 * Dates as registers write them: 2026-03-31 or 31/03/2026 (day first), or a
 * spreadsheet date cell (read as midnight UTC, 2026-03-31T00:00:00.000Z); null when not a date.
 */
export function parseRegisterDate(text: string): string | null {
  const cellDate = /^(\d{4}-\d{2}-\d{2})T00:00:00(\.000)?Z$/.exec(text.trim());
  const t = cellDate?.[1] ?? text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = dmy ? `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}` : t;
  return isIsoDate(iso) ? iso : null;
}

/** Evidence hashes: SHA-256 in hex, as the evidence store names files. */
export function isEvidenceHash(text: string): boolean {
  return /^[0-9a-f]{64}$/.test(text);
}

/** What is wrong with a product before it is written; empty when nothing. */
export function checkProduct(p: SupervisionProduct & { evidenceHashes: readonly string[] }): string[] {
  const problems: string[] = [];
  if (!p.number.trim()) problems.push('number is empty');
  if (p.dueOn < p.issuedOn) problems.push(`due date ${p.dueOn} is before the issue date ${p.issuedOn}`);
  for (const h of p.evidenceHashes) if (!isEvidenceHash(h)) problems.push(`"${h}" is not a SHA-256 evidence hash`);
  return problems;
}
