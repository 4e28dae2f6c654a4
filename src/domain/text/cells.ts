/**
 * Text that goes into spreadsheets or comes back in error messages; the one place
 * for both rules (docs/security.md "Imports and exports").
 *
 * CSV injection (OWASP "CSV Injection"): a cell that starts with = + - @, a tab or
 * a carriage return may be run as a formula by a spreadsheet program. Every CSV
 * Patuh writes prefixes such a cell with a single quote (neutralizeCell); where a
 * person enters a name, such a name is refused (formulaNameProblem).
 *
 * Echoes: an error message that quotes what was sent quotes at most ECHO_LIMIT
 * characters of it (echo), so a 5 MiB cell is never sent back.
 */

/** The first characters that make a spreadsheet program read a cell as a formula. */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;

const TRIGGER_SET: ReadonlySet<string> = new Set(FORMULA_TRIGGERS);

/** The same rule as a POSIX regular expression for SQL (`text ~ FORMULA_TRIGGER_REGEX`). */
export const FORMULA_TRIGGER_REGEX = '^[-=+@\t\r]';

export function startsLikeFormula(text: string): boolean {
  return text.length > 0 && TRIGGER_SET.has(text[0] as string);
}

/** The cell as it is, or with a single quote before it when it would start a formula. */
export function neutralizeCell(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

function describeTrigger(ch: string): string {
  if (ch === '\t') return 'a tab';
  if (ch === '\r') return 'a carriage return';
  return `"${ch}"`;
}

/**
 * null when a name may be stored, else why not: "unit name starts with "=": ...".
 * `what` says which name ("unit name", "entity", "user name").
 */
export function formulaNameProblem(what: string, name: string): string | null {
  if (!startsLikeFormula(name)) return null;
  return `${what} ${echo(name)} starts with ${describeTrigger(name[0] as string)}: a name may not start with =, +, -, @, a tab or a carriage return (a spreadsheet would run it as a formula); remove that character`;
}

/** How many characters of a sent value an error message quotes. */
export const ECHO_LIMIT = 200;

/** A sent value quoted for an error message: in double quotes, cut to ECHO_LIMIT characters with "…". */
export function echo(value: string): string {
  if (value.length <= ECHO_LIMIT) return `"${value}"`;
  let cut = value.slice(0, ECHO_LIMIT);
  // never half of a surrogate pair
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `"${cut}…"`;
}
