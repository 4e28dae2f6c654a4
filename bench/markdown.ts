/** docs/benchmarks.md is written section by section: each benchmark owns one "## " section. */

/** The document with the section that starts with the same heading replaced (or appended at the end). */
export function replaceSection(doc: string, section: readonly string[]): string {
  const lines = doc.split('\n');
  const start = lines.indexOf(section[0] ?? '');
  if (start < 0) return `${doc.trimEnd()}\n\n${section.join('\n')}\n`;
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end < 0) end = lines.length;
  return `${[...lines.slice(0, start), ...section, '', ...lines.slice(end)].join('\n').trimEnd()}\n`;
}
