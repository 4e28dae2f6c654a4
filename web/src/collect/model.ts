/**
 * The collection app's words: a sheet (one unit, one kind, one respondent) as the
 * instrument defines it, the forms a unit's fieldwork is done in, and the draft of a
 * sheet as the device keeps it. Pure: no storage, no network.
 */
import type {
  Comment,
  FullIndicator,
  FullInstrument,
  ServerItem,
  SubmissionKind,
  SubmissionStatus,
  SyncSubmission,
} from './schemas';

/** The forms of a unit's fieldwork, in the order it is done on site. */
export const FORMS = [
  'checklist',
  'official_interview',
  'complaint_officer_interview',
  'service_user_interview',
] as const;
export type FormKind = (typeof FORMS)[number];

/** The sheet kinds each form collects: the observation checklist holds observation and document items. */
export const FORM_KINDS: Record<FormKind, readonly SubmissionKind[]> = {
  checklist: ['observation', 'document_check'],
  official_interview: ['official_interview'],
  complaint_officer_interview: ['complaint_officer_interview'],
  service_user_interview: ['service_user_interview'],
};

const RESPONDENT_PREFIX: Record<FormKind, string> = {
  checklist: 'P',
  official_interview: 'R',
  complaint_officer_interview: 'P',
  service_user_interview: 'U',
};

export function isFormKind(v: string | undefined): v is FormKind {
  return (FORMS as readonly string[]).includes(v ?? '');
}

/** The indicators that apply to an entity of this level, with their method. */
export function applicableIndicators(inst: FullInstrument, level: string): FullIndicator[] {
  return inst.dimensions.flatMap((d) =>
    d.variables.flatMap((v) => v.indicators.filter((i) => !i.appliesTo || i.appliesTo.includes(level))),
  );
}

export interface SheetSpec {
  kind: SubmissionKind;
  respondent: string;
  indicators: FullIndicator[];
}

export interface FormSlot {
  form: FormKind;
  /** '' for a unit's single checklist; "R1", "P2", "U17" for people (or products) */
  respondent: string;
  sheets: SheetSpec[];
}

/**
 * A form's slots: one per respondent. An indicator asked of n respondents is on the
 * sheets of the first n; a checklist asked once per unit has the respondent ''
 * (as imports and the demo name it), per product "P1".."Pn".
 */
export function formSlots(indicators: FullIndicator[], form: FormKind): FormSlot[] {
  const kinds = FORM_KINDS[form];
  const mine = indicators.filter((i) => kinds.includes(i.method));
  const n = mine.reduce((m, i) => Math.max(m, i.respondents), 0);
  if (n === 0) return [];
  const names =
    form === 'checklist' && n === 1 ? [''] : Array.from({ length: n }, (_, k) => `${RESPONDENT_PREFIX[form]}${k + 1}`);
  return names.map((respondent, k) => ({
    form,
    respondent,
    sheets: kinds
      .map((kind) => ({
        kind,
        respondent,
        indicators: mine.filter((i) => i.method === kind && i.respondents > k),
      }))
      .filter((s) => s.indicators.length > 0),
  }));
}

/** The form a sheet kind is collected in. */
export function formOf(kind: SubmissionKind): FormKind {
  return kind === 'observation' || kind === 'document_check' ? 'checklist' : kind;
}

// --- what the device keeps ---

export interface Gps {
  lat: number;
  lng: number;
  accuracy?: number;
  at?: string;
}

export interface Answer {
  /** 0..3; null = not applicable; absent = not answered yet */
  value?: number | null;
  note?: string;
  /** sha256 of photos and documents kept in the evidence store */
  evidence: string[];
}

/**
 * editing: being filled in (or sent back and being fixed); queued: in the outbox;
 * sent: the server has it (see server.status); conflict: the server has other
 * answers, the assessor chooses; rejected: the server refused it (see error).
 */
export type DraftState = 'editing' | 'queued' | 'sent' | 'conflict' | 'rejected';

export interface Draft {
  /** draftKey(): one draft per user and sheet */
  key: string;
  userId: number;
  year: number;
  entity: { code: string; name: string };
  unit: { id: number; name: string };
  kind: SubmissionKind;
  respondent: string;
  /** the client id, made when the sheet is first saved and kept for its life (retries never duplicate) */
  id: string;
  /** the server version these answers were edited from; 0 = a new sheet */
  baseVersion: number;
  answers: Record<string, Answer>;
  state: DraftState;
  /** what the server last said about this sheet */
  server?: { sheetId: string; status: SubmissionStatus; version: number; comments: Comment[] };
  conflict?: {
    serverItems: ServerItem[];
    serverVersion: number;
    serverStatus: SubmissionStatus | null;
    message: string;
    reason?: string;
  };
  error?: string;
  gps?: Gps;
  createdAt: string;
  updatedAt: string;
}

export const draftKey = (userId: number, year: number, unitId: number, kind: string, respondent: string): string =>
  [userId, year, unitId, kind, respondent].join('|');

/** One post waiting in the outbox: the frozen sheet as it will be sent, again and again until answered. */
export interface OutboxEntry {
  /** `${id}@${baseVersion}`: the server stores one post per id and base version */
  key: string;
  draftKey: string;
  userId: number;
  payload: SyncSubmission;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  queuedAt: string;
}

export interface EvidenceFile {
  sha256: string;
  userId: number;
  blob: Blob;
  mediaType: string;
  name: string;
  size: number;
  /** when the photo was taken or the file picked, on the device */
  capturedAt: string;
  gps: Gps | null;
  uploaded: boolean;
}

/** A client id: crypto.randomUUID where there is one, else v4 from getRandomValues. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const isAnswered = (a: Answer | undefined): boolean => a !== undefined && a.value !== undefined;

/** How many of a sheet's indicators have an answer (a value or NA). */
export function answeredCount(draft: Pick<Draft, 'answers'> | undefined, indicators: FullIndicator[]): number {
  return indicators.filter((i) => isAnswered(draft?.answers[i.code])).length;
}

/** The post for a draft: its answered items only, in the shared contract's shape. */
export function toPayload(d: Draft): SyncSubmission {
  const items = Object.entries(d.answers)
    .filter(([, a]) => a.value !== undefined)
    .map(([indicator, a]) => ({
      indicator,
      value: a.value ?? null,
      ...(a.note?.trim() ? { note: a.note.trim() } : {}),
      ...(a.evidence.length > 0 ? { evidence: [...a.evidence] } : {}),
    }))
    .sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0));
  return {
    id: d.id,
    unitId: d.unit.id,
    kind: d.kind,
    respondent: d.respondent,
    baseVersion: d.baseVersion,
    items,
    clientCreatedAt: d.createdAt,
    ...(d.gps ? { gps: d.gps } : {}),
  };
}

/** Answers from the server's items (a sheet sent back, or the server's side of a conflict). */
export function answersFrom(items: ServerItem[]): Record<string, Answer> {
  return Object.fromEntries(
    items.map((i) => [i.indicator, { value: i.value, note: i.note ?? '', evidence: [...i.evidence] }]),
  );
}
