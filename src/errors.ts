/**
 * One application error with a stable code. The HTTP status and the CLI exit code
 * are derived from the code in one place (docs/ARCHITECTURE.md lists the codes).
 */
import { formulaNameProblem } from './domain/text/cells.ts';

export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  IMPORT_REJECTED: 422,
  UNKNOWN_ENTITY: 404,
  AMBIGUOUS_ENTITY: 400,
  CYCLE_NOT_FOUND: 404,
  /** a year that holds several assessments, none of which the request singles out (details: choices) */
  AMBIGUOUS_ASSESSMENT: 409,
  /** the file of an edition in use differs from the copy the database froze (details: edition, file) */
  EDITION_CHANGED: 500,
  NOT_FOUND: 404,
  NOT_ELIGIBLE: 422,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  CYCLE_LOCKED: 409,
  /** an objection filed outside the cycle's objection window (details: opensAt, closesAt, days) */
  OBJECTION_WINDOW_CLOSED: 409,
  /** a restore into a database that already holds data (patuh restore, docs/backup.md) */
  TARGET_NOT_EMPTY: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_CODES[this.code];
  }
  /** CLI exit code: 2 for anything the caller can fix in their input, 1 otherwise. */
  get exitCode(): 1 | 2 {
    return this.status >= 400 && this.status < 500 ? 2 : 1;
  }
  toJSON() {
    return { error: { code: this.code, message: this.message, details: this.details ?? null } };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * Refuses a name that a spreadsheet would run as a formula (domain/text/cells.ts):
 * VALIDATION_FAILED with a message that says which character to remove. Returns the name.
 */
export function refuseFormulaName(what: string, name: string): string {
  const problem = formulaNameProblem(what, name);
  if (problem !== null) throw new AppError('VALIDATION_FAILED', problem, { field: what });
  return name;
}
