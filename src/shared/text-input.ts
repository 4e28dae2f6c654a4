/**
 * Text the database cannot hold (issue 12, finding 6): a NUL byte (PostgreSQL text and
 * jsonb refuse U+0000) or a lone UTF-16 surrogate (not a character: it cannot be
 * written as UTF-8). The server refuses both in every request (http/input-guard.ts)
 * and, per sheet, in a sync batch; the web app can check before sending. Imports
 * nothing, like the other shared files.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding U+0000 is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface UnstorableText {
  /** where it is: "items.3.note", a query name, or "" for the value itself */
  path: string;
  /** what to fix */
  message: string;
}

/** What is wrong with one text, or null when it can be stored. */
export function unstorableReason(s: string): string | null {
  const m = UNSTORABLE.exec(s);
  if (!m) return null;
  return m[0] === '\u0000'
    ? 'contains a NUL byte (\\u0000); remove it'
    : 'contains a lone surrogate (half of a UTF-16 pair, not a character); remove it or send the whole character';
}

/** The first text (a string, or an object key) in a JSON-like value that cannot be stored. */
export function findUnstorableText(
  value: unknown,
  path: Array<string | number> = [],
  depth = 0,
): UnstorableText | null {
  if (typeof value === 'string') {
    const why = unstorableReason(value);
    return why ? { path: path.join('.'), message: why } : null;
  }
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const why = unstorableReason(k);
    if (why) return { path: [...path, k].join('.'), message: `its name ${why}` };
    const found = findUnstorableText(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}
