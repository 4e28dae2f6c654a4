/**
 * A fieldwork submission: one sheet of answers collected on site. A sheet is one
 * kind of collection (the instrument's method: an observation sheet, one official's
 * interview, …) for one unit and one respondent key ('' for a unit's single
 * observation sheet, "P1"/"P2" for a product, "R1"… for people). Each time the
 * sheet changes it gets a new version; the answers of the validated version are
 * what counts toward the final results.
 */
import { METHODS, type Method } from '../instrument/schema.ts';

export const SUBMISSION_KINDS = METHODS;
export type SubmissionKind = Method;

export const SUBMISSION_STATUSES = ['submitted', 'verified', 'validated', 'returned'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** One answer of a sheet. */
export interface SubmissionItem {
  indicator: string;
  /** 0..3; null = not applicable */
  value: number | null;
  note: string | null;
  /** sha256 (hex) of the evidence files (photos, documents) */
  evidence: string[];
}

/** What makes two posts "the same content": the sheet and its answers, not when or where they were sent. */
export interface SheetContent {
  unitId: number;
  kind: SubmissionKind;
  respondent: string;
  items: readonly SubmissionItem[];
}

/** Items in one canonical form: sorted by indicator, notes trimmed (blank = none), evidence sorted and unique. */
export function normalizeItems(
  items: ReadonlyArray<{ indicator: string; value: number | null; note?: string | null; evidence?: readonly string[] }>,
): SubmissionItem[] {
  return items
    .map((i) => ({
      indicator: i.indicator,
      value: i.value,
      note: i.note?.trim() ? i.note.trim() : null,
      evidence: [...new Set((i.evidence ?? []).map((e) => e.toLowerCase()))].sort(),
    }))
    .sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0));
}

/**
 * The canonical text of a sheet's content (items already normalized): equal texts
 * mean a retry or a double tap, different texts a change. The caller hashes it.
 */
export function canonicalContent(c: SheetContent): string {
  return JSON.stringify([
    c.unitId,
    c.kind,
    c.respondent,
    c.items.map((i) => [i.indicator, i.value, i.note, i.evidence]),
  ]);
}

/** The key of a sheet: one unit, one kind, one respondent. */
export const sheetKey = (s: { unitId: number; kind: string; respondent: string }): string =>
  `${s.unitId}\u0000${s.kind}\u0000${s.respondent}`;

/**
 * How a version's items are stored (submission_versions.items): one array per item,
 * [indicator, value, note?, evidence?], trailing empties left out. Half the bytes of
 * the API's objects, so a 50-answer sheet stays under PostgreSQL's 2 kB TOAST
 * threshold and is written without compression.
 */
export type PackedItem = [string, number | null] | [string, number | null, string | null, string[]?];

export function packItems(items: readonly SubmissionItem[]): PackedItem[] {
  return items.map((i): PackedItem => {
    if (i.evidence.length > 0) return [i.indicator, i.value, i.note, i.evidence];
    if (i.note !== null) return [i.indicator, i.value, i.note];
    return [i.indicator, i.value];
  });
}

export function unpackItems(packed: readonly PackedItem[]): SubmissionItem[] {
  return packed.map(([indicator, value, note, evidence]) => ({
    indicator,
    value,
    note: note ?? null,
    evidence: evidence ?? [],
  }));
}
