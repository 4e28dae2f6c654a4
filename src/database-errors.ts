/**
 * Database errors become problems (issue 17, item 5): one function turns a
 * PostgreSQL error (PGlite and pg both surface its SQLSTATE as `code`) into a coded
 * AppError the caller can act on: a 409 for a duplicate, a record still in use, a
 * serialization failure, a deadlock or a lock not available; a 400 for input the
 * database refused (a reference to nothing, a check, text or numbers it cannot hold).
 * The HTTP error handler and the CLI both use it, so neither shows a 500 or a stack
 * for these. Values are never echoed (they may be long or private): the column
 * names and the constraint are, in details.
 */
import { AppError } from './errors.ts';

interface PgLikeError {
  code: string;
  message?: string;
  detail?: string;
  constraint?: string;
  column?: string;
  table?: string;
}

/** The PostgreSQL error in `e` or its causes, when there is one. */
export function sqlStateOf(e: unknown): PgLikeError | null {
  let cur: unknown = e;
  for (let depth = 0; depth < 4 && cur && typeof cur === 'object'; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return cur as PgLikeError;
    cur = (cur as { cause?: unknown }).cause;
  }
  return null;
}

/** The columns a detail such as `Key (cycle_id, code)=(1, x) already exists.` names. */
function keyColumns(detail: string | undefined): string | null {
  const m = detail?.match(/^Key \(([^)]{1,200})\)=/);
  return m?.[1] ?? null;
}

/** Invalid input of class 22 that a person can fix, by SQLSTATE. */
const INVALID_INPUT: Record<string, string> = {
  '22P02': 'a value has the wrong form for its field (a number or identifier expected)',
  '22001': 'a text is longer than its field allows; shorten it',
  '22003': 'a number is out of range for its field (whole numbers go up to 2147483647)',
  '22021': 'a text contains a NUL byte or bytes that are not UTF-8; remove them',
  '22P05': 'a text contains a character that cannot be stored (a lone surrogate or \\u0000); remove it',
  '22007': 'a date or time is not valid; use yyyy-mm-dd (or ISO 8601 with a time)',
  '22008': 'a date or time is out of range or does not exist (such as 30 February)',
  '22025': 'a text contains an invalid escape sequence',
  '2202E': 'a list index is out of range',
};

/**
 * The AppError for a database error, or null when `e` is not one we can name (then
 * it stays a 500: our fault, logged).
 */
export function fromDatabaseError(e: unknown): AppError | null {
  const pg = sqlStateOf(e);
  if (!pg) return null;
  const details = {
    sqlstate: pg.code,
    ...(pg.constraint ? { constraint: pg.constraint } : {}),
    ...(keyColumns(pg.detail) ? { columns: keyColumns(pg.detail) } : {}),
  };
  const cols = keyColumns(pg.detail);
  switch (pg.code) {
    case '23505':
      return new AppError(
        'CONFLICT',
        `this already exists${cols ? ` (the same ${cols})` : ''}; change it or update the existing record`,
        details,
      );
    case '23503':
      return /still referenced/.test(pg.detail ?? '')
        ? new AppError('CONFLICT', 'this record is still in use by others; remove those first', details)
        : new AppError(
            'VALIDATION_FAILED',
            `this refers to something that does not exist${cols ? ` (${cols})` : ''}; check the id or code`,
            details,
          );
    case '23514':
      return new AppError('VALIDATION_FAILED', 'a value is outside what is allowed for its field', details);
    case '23502':
      return new AppError(
        'VALIDATION_FAILED',
        `a required value is missing${pg.column ? ` (${pg.column})` : ''}`,
        details,
      );
    case '40001':
    case '40P01':
      return new AppError(
        'CONFLICT',
        'another change to the same records happened at the same time; send the request again',
        { ...details, retry: true },
      );
    case '55P03':
      return new AppError('CONFLICT', 'the records are being changed by another request; try again shortly', {
        ...details,
        retry: true,
      });
  }
  const input = INVALID_INPUT[pg.code];
  if (input) return new AppError('VALIDATION_FAILED', input, details);
  return null;
}
