/**
 * "Did you mean": the entities closest to a name that resolved to nothing
 * (names.ts). A trigram index picks the few dozen entities sharing most trigrams
 * with the name; only those are ranked by edit distance and word overlap, so an
 * unknown name costs the same whatever the size of the registry.
 */
import type { Level } from '../instrument/schema.ts';
import type { NameIndex, RegistryEntity } from './names.ts';

const MAX_SUGGESTIONS = 5;
const MIN_SIMILARITY = 0.4;

function stripWord(key: string, word: string): string | null {
  return key.startsWith(`${word} `) ? key.slice(word.length + 1) : null;
}

/** trigram → the positions (in `entities`) of the entities with a key, or a key's core, holding it */
export function buildGramIndex<E>(
  entities: readonly E[],
  keysOf: ReadonlyMap<E, readonly string[]>,
): Map<string, number[]> {
  const grams = new Map<string, number[]>();
  entities.forEach((entity, order) => {
    const own = new Set<string>();
    for (const key of keysOf.get(entity) ?? []) {
      for (const g of trigrams(key)) own.add(g);
      for (const g of trigrams(coreOf(key))) own.add(g);
    }
    for (const g of own) {
      const list = grams.get(g);
      if (list === undefined) grams.set(g, [order]);
      else list.push(order);
    }
  });
  return grams;
}

/** The trigrams of a key, padded with a space at both ends ("BALI" → " BA", "BAL", "ALI", "LI "). */
function trigrams(key: string): Set<string> {
  const padded = ` ${key} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** How many of the best-sharing entities are ranked in full. */
const CANDIDATES = 24;

function levelWordOf(key: string): Level | null {
  if (key.startsWith('PROVINSI ')) return 'provinsi';
  if (key.startsWith('KABUPATEN ')) return 'kabupaten';
  if (key.startsWith('KOTA ')) return 'kota';
  return null;
}

/** The key without a leading level word and "ADMINISTRASI". */
export function coreOf(key: string): string {
  let rest = key;
  for (const word of ['PROVINSI', 'KABUPATEN', 'KOTA', 'ADMINISTRASI']) rest = stripWord(rest, word) ?? rest;
  return rest;
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Uint16Array(b.length + 1);
  let curr = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      curr[j] = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length] ?? 0;
}

function editSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 0 : 1 - levenshtein(a, b) / longest;
}

/**
 * Word overlap: the Dice coefficient, raised to at least 0.9 when every word of the
 * query is in the key ("Kemendes" is close to "Kemendes PDT", closer than to "Kemenkes").
 */
function wordOverlap(query: string, key: string): number {
  const qw = new Set(query.split(' '));
  const kw = new Set(key.split(' '));
  let shared = 0;
  for (const w of qw) if (kw.has(w)) shared++;
  const dice = (2 * shared) / (qw.size + kw.size);
  return shared === qw.size ? 0.9 + 0.1 * dice : dice;
}

/**
 * Rank the candidate entities (those sharing the most trigrams with the query, from
 * the index: a few dozen, not the whole registry) by how close one of their keys is to the query: edit distance on
 * the whole key and on the part after the level word, word overlap on that part,
 * plus a small bonus when the query names the entity's level.
 */
export function suggest<E extends RegistryEntity>(index: NameIndex<E>, query: string, fits: (e: E) => boolean): E[] {
  if (query === '') return [];
  const queryCore = coreOf(query);
  const queryLevel = levelWordOf(query);
  // candidates: the entities sharing the most trigrams with the query (never every entity)
  const shared = new Map<number, number>();
  for (const g of new Set([...trigrams(query), ...trigrams(queryCore)])) {
    for (const order of index.grams.get(g) ?? []) shared.set(order, (shared.get(order) ?? 0) + 1);
  }
  const candidates = [...shared]
    .filter(([order]) => fits(index.entities[order] as E))
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, CANDIDATES);
  const scored: { entity: E; score: number; order: number }[] = [];
  for (const [order] of candidates) {
    const entity = index.entities[order] as E;
    let best = 0;
    for (const key of index.keysOf.get(entity) ?? []) {
      const core = coreOf(key);
      best = Math.max(best, editSimilarity(query, key), editSimilarity(queryCore, core), wordOverlap(queryCore, core));
    }
    if (queryLevel !== null && queryLevel === entity.level) best += 0.05;
    if (best >= MIN_SIMILARITY) scored.push({ entity, score: best, order });
  }
  scored.sort((x, y) => y.score - x.score || x.order - y.order);
  return scored.slice(0, MAX_SUGGESTIONS).map((s) => s.entity);
}
