/**
 * Loads the instrument editions and band schemes from `instruments/` and validates
 * each one; every problem is reported with its file and path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BandScheme,
  type Instrument,
  type Parsed,
  parseBandScheme,
  parseInstrument,
} from '../domain/instrument/schema.ts';

export const INSTRUMENTS_DIR = fileURLToPath(new URL('../../instruments/', import.meta.url));

export interface Catalog {
  editions: ReadonlyMap<string, Instrument>;
  bandSchemes: ReadonlyMap<string, BandScheme>;
  /** each edition file's content as read (what frozen-editions.ts hashes) and its path */
  editionSources?: ReadonlyMap<string, { file: string; content: Record<string, unknown> }>;
}

export class CatalogError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`instrument data is invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

function loadFolder<T>(
  dir: string,
  parse: (input: unknown) => Parsed<T>,
  key: (value: T) => string,
  problems: string[],
  sources?: Map<string, { file: string; content: Record<string, unknown> }>,
): Map<string, T> {
  const out = new Map<string, T>();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of files) {
    const rel = path.relative(process.cwd(), path.join(dir, file)) || file;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (e) {
      problems.push(`${rel}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    const parsed = parse(raw);
    if (!parsed.ok) {
      for (const p of parsed.problems) problems.push(`${rel}: ${p.path || '(root)'}: ${p.message}`);
      continue;
    }
    const k = key(parsed.value);
    if (`${k}.json` !== file) problems.push(`${rel}: the file name must be ${k}.json`);
    out.set(k, parsed.value);
    sources?.set(k, { file: rel, content: raw as Record<string, unknown> });
  }
  return out;
}

export function loadCatalog(dir: string = INSTRUMENTS_DIR): Catalog {
  const problems: string[] = [];
  const editionSources = new Map<string, { file: string; content: Record<string, unknown> }>();
  const editions = loadFolder(path.join(dir, 'editions'), parseInstrument, (i) => i.edition, problems, editionSources);
  const bandSchemes = loadFolder(path.join(dir, 'bands'), parseBandScheme, (b) => b.scheme, problems);
  if (problems.length > 0) throw new CatalogError(problems);
  return { editions, bandSchemes, editionSources };
}

let cached: Catalog | undefined;
/** The catalog of this installation, loaded once. */
export function defaultCatalog(): Catalog {
  cached ??= loadCatalog();
  return cached;
}
