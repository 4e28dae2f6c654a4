/**
 * Resolving the names people write for assessed entities ("Kab. Bekasi",
 * "Pemkot Bekasi", "Prov. Bali", "Kemendagri") to one registry entity.
 * Pure: no file access. The registry itself is assembled in services.
 *
 * Lookup order; the first step that finds anything decides, and finding more
 * than one entity there is "ambiguous", never a guess:
 *   1. the entity code as typed ("32.75", "KEMENDAGRI");
 *   2. strong keys: the official name or an alias, normalized (abbreviations
 *      inside names expanded: "Hukum dan HAM", "Desa PDTT", "DKI", "DI Yogyakarta");
 *      for provinces, regencies and cities always in the prefixed form ("PROVINSI
 *      BALI", "KOTA BEKASI", also "KOTA JAKARTA PUSAT" for "Kota Administrasi ...");
 *   3. weak keys: a province, regency or city name without its level word
 *      ("BALI", "BEKASI"), so "Bekasi" is ambiguous and "Bali" is not; a ministry's
 *      name without "Kementerian" ("Hukum dan HAM") or "RI" after it;
 *   4. and 5. the same keys without the word DAN ("Kementerian Desa PDT");
 *   6. and 7. the same keys with spaces removed, so "Baubau" finds "Kota Bau Bau"
 *      and "Tolitoli" finds "Kabupaten Toli-Toli".
 * `opts.level` filters every step, so "Bekasi" with level kota is Kota Bekasi, and
 * `opts.within` (the bodies of a cycle's year) filters every step and the suggestions;
 * `opts.suggest: false` skips the "did you mean" ranking (a caller that only wants a hit).
 */
import type { Level } from '../instrument/schema.ts';
import { buildGramIndex, suggest } from './suggest.ts';

export type EntityLevel = Level;

export interface RegistryEntity {
  /** Kemendagri code for regions ("32", "32.75"), an upper-case code for ministries and agencies */
  code: string;
  /** display name: "Provinsi Jawa Barat", "Kota Bekasi", "Kementerian Dalam Negeri" */
  name: string;
  level: Level;
  /** the province a region lies in (a province's own code); null for ministries and agencies */
  provinceCode: string | null;
  aliases: string[];
  /**
   * the last year a ministry or agency existed in this form, i.e. the last cycle it
   * can be assessed in (domain/registry/lifespan.ts); null while it exists
   */
  until: number | null;
  /** codes of the bodies that took over its services; empty unless `until` is set */
  successors: string[];
}

/** Generic so that callers indexing their own rows (with an id, say) get those rows back. */
export type Resolution<E extends RegistryEntity = RegistryEntity> =
  | { ok: true; entity: E }
  | { ok: false; reason: 'unknown' | 'ambiguous'; candidates: E[] };

interface KeyTier<E> {
  readonly keys: ReadonlyMap<string, readonly E[]>;
  /** how keys and queries are compared: as they are, without DAN, or without spaces */
  readonly form: (key: string) => string;
}

const asIs = (key: string) => key;

/** Built once by buildNameIndex; treat as opaque. */
export interface NameIndex<E extends RegistryEntity = RegistryEntity> {
  readonly entities: readonly E[];
  readonly byCode: ReadonlyMap<string, E>;
  readonly tiers: readonly KeyTier<E>[];
  /** every normalized key of each entity, for "did you mean" ranking */
  readonly keysOf: ReadonlyMap<E, readonly string[]>;
  /** trigram → the positions (in entities) of the entities with a key holding it: the "did you mean" candidates */
  readonly grams: ReadonlyMap<string, readonly number[]>;
}

/** Single words written for longer ones, and old spellings. */
const WORD_EXPANSIONS: Readonly<Record<string, string>> = {
  KAB: 'KABUPATEN',
  PEMKAB: 'KABUPATEN',
  PROV: 'PROVINSI',
  PROP: 'PROVINSI',
  PROPINSI: 'PROVINSI',
  PEMPROV: 'PROVINSI',
  PEMPROP: 'PROVINSI',
  PEMKOT: 'KOTA',
  KOTAMADYA: 'KOTA',
  KODYA: 'KOTA',
  ADM: 'ADMINISTRASI',
  KEP: 'KEPULAUAN',
  KEMENTRIAN: 'KEMENTERIAN',
  // abbreviations written inside ministries' and provinces' names
  HAM: 'HAK ASASI MANUSIA',
  PDTT: 'PEMBANGUNAN DAERAH TERTINGGAL DAN TRANSMIGRASI',
  PDT: 'PEMBANGUNAN DAERAH TERTINGGAL',
  DKI: 'DAERAH KHUSUS IBUKOTA',
  DIY: 'DAERAH ISTIMEWA YOGYAKARTA',
  UKM: 'USAHA KECIL DAN MENENGAH',
  PUPR: 'PEKERJAAN UMUM DAN PERUMAHAN RAKYAT',
  OKU: 'OGAN KOMERING ULU',
  OKI: 'OGAN KOMERING ILIR',
};

/** Two-word abbreviations: "DI Yogyakarta", "D I Yogyakarta" (after punctuation became spaces). */
const PHRASE_EXPANSIONS: readonly (readonly [readonly string[], string])[] = [
  [['DI', 'YOGYAKARTA'], 'DAERAH ISTIMEWA YOGYAKARTA'],
  [['D', 'I', 'YOGYAKARTA'], 'DAERAH ISTIMEWA YOGYAKARTA'],
  [['D', 'K', 'I'], 'DAERAH KHUSUS IBUKOTA'],
];

/** Words a ministry's or agency's name may carry at its end: "Kementerian Agama RI". */
const COUNTRY_SUFFIXES = ['REPUBLIK INDONESIA', 'RI'];

const REGION_WORDS = new Set(['PROVINSI', 'KABUPATEN', 'KOTA']);

/**
 * Upper-case, strip accents, turn punctuation into spaces ("&" into DAN),
 * collapse whitespace, expand the usual abbreviations (KAB → KABUPATEN,
 * PROV → PROVINSI, PEMKOT → KOTA, ADM → ADMINISTRASI, ...) and drop
 * "PEMERINTAH [DAERAH]" before a level word ("Pemerintah Kota Bekasi" → "KOTA BEKASI").
 */
export function normalizeName(s: string): string {
  const raw = s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/&/g, ' DAN ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  const words = expandWords(raw);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 'PEMERINTAH' || w === 'PEMDA') {
      const skip = words[i + 1] === 'DAERAH' && w === 'PEMERINTAH' ? 2 : 1;
      const next = words[i + skip];
      if (next !== undefined && REGION_WORDS.has(next)) {
        i += skip - 1;
        continue;
      }
    }
    if (w !== undefined) out.push(w);
  }
  return out.join(' ');
}

/** Expands phrases first ("DI YOGYAKARTA"), then single words ("HAM"), then splits the expansions. */
function expandWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = PHRASE_EXPANSIONS.find(([ws]) => ws.every((w, k) => words[i + k] === w));
    if (phrase !== undefined) {
      out.push(...phrase[1].split(' '));
      i += phrase[0].length;
      continue;
    }
    const w = words[i] ?? '';
    out.push(...(WORD_EXPANSIONS[w] ?? w).split(' '));
    i++;
  }
  return out;
}

/** A national body's key without "KEMENTERIAN" before it or "REPUBLIK INDONESIA" after it. */
function bareNational(key: string): string {
  let rest = stripWord(key, 'KEMENTERIAN') ?? key;
  for (const suffix of COUNTRY_SUFFIXES) {
    if (rest.endsWith(` ${suffix}`)) rest = rest.slice(0, -suffix.length - 1);
  }
  return rest;
}

/** The key without the word DAN: "Kementerian Desa PDT" for "Kementerian Desa dan PDT". */
function withoutDan(key: string): string {
  return key
    .split(' ')
    .filter((w) => w !== 'DAN')
    .join(' ');
}

function compact(key: string): string {
  return key.replaceAll(' ', '');
}

function stripWord(key: string, word: string): string | null {
  return key.startsWith(`${word} `) ? key.slice(word.length + 1) : null;
}

/** The strong and weak keys of one entity (see the lookup order at the top). */
function keysOfEntity(entity: RegistryEntity): { strong: Set<string>; weak: Set<string> } {
  const strong = new Set<string>();
  const weak = new Set<string>();
  const names = [entity.name, ...entity.aliases].map(normalizeName).filter((n) => n !== '');
  for (const n of names) {
    switch (entity.level) {
      case 'provinsi': {
        const bare = stripWord(n, 'PROVINSI') ?? n;
        strong.add(`PROVINSI ${bare}`);
        weak.add(bare);
        break;
      }
      case 'kabupaten':
      case 'kota': {
        const word = entity.level === 'kota' ? 'KOTA' : 'KABUPATEN';
        const rest = stripWord(n, word) ?? n;
        const bare = stripWord(rest, 'ADMINISTRASI') ?? rest;
        strong.add(`${word} ${rest}`);
        strong.add(`${word} ${bare}`);
        weak.add(bare);
        break;
      }
      case 'kementerian':
      case 'lembaga': {
        strong.add(n);
        const bare = bareNational(n);
        if (bare !== n && bare !== '') weak.add(bare);
        break;
      }
    }
  }
  return { strong, weak };
}

function addTo<E>(map: Map<string, E[]>, key: string, entity: E): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [entity]);
  else if (!list.includes(entity)) list.push(entity);
}

/** Index the entities for resolveEntity. Throws when two entities share a code. */
export function buildNameIndex<E extends RegistryEntity>(entities: readonly E[]): NameIndex<E> {
  const byCode = new Map<string, E>();
  const forms = [asIs, withoutDan, compact];
  const strong = forms.map(() => new Map<string, E[]>());
  const weak = forms.map(() => new Map<string, E[]>());
  const keysOf = new Map<E, string[]>();
  const duplicates: string[] = [];
  for (const entity of entities) {
    const code = entity.code.trim().toUpperCase();
    if (byCode.has(code)) duplicates.push(entity.code);
    else byCode.set(code, entity);
    const keys = keysOfEntity(entity);
    forms.forEach((form, i) => {
      for (const k of keys.strong) addTo(strong[i] as Map<string, E[]>, form(k), entity);
      for (const k of keys.weak) addTo(weak[i] as Map<string, E[]>, form(k), entity);
    });
    keysOf.set(entity, [...new Set([...keys.strong, ...keys.weak])]);
  }
  const grams = buildGramIndex(entities, keysOf);
  if (duplicates.length > 0) {
    throw new Error(`registry entity codes must be unique; repeated: ${duplicates.join(', ')}`);
  }
  // strong before weak within a form; plain before without-DAN before without spaces
  const tiers = forms.flatMap((form, i) => [
    { keys: strong[i] as Map<string, E[]>, form },
    { keys: weak[i] as Map<string, E[]>, form },
  ]);
  return { entities, byCode, tiers, keysOf, grams };
}

/**
 * Find the one entity a written name means. On failure the candidates are either
 * the entities the name fits equally well ('ambiguous') or up to five similar
 * ones for a "did you mean" message ('unknown').
 */
export function resolveEntity<E extends RegistryEntity>(
  index: NameIndex<E>,
  name: string,
  opts?: { level?: Level; within?: (entity: E) => boolean; suggest?: boolean },
): Resolution<E> {
  const level = opts?.level;
  const within = opts?.within;
  const fits = (e: E) => (level === undefined || e.level === level) && (within === undefined || within(e));
  const raw = name.trim();
  if (raw === '') return { ok: false, reason: 'unknown', candidates: [] };

  const byCode = index.byCode.get(raw.toUpperCase());
  if (byCode !== undefined) {
    // a code is exact: at another level than asked, it is the one thing to suggest
    return fits(byCode) ? { ok: true, entity: byCode } : { ok: false, reason: 'unknown', candidates: [byCode] };
  }

  const key = normalizeName(raw);
  if (key !== '') {
    // the name as written, then without "Kementerian" before it or "RI" after it (weak keys)
    const queries = [...new Set([key, bareNational(key)])];
    for (const tier of index.tiers) {
      const hits = [...new Set(queries.flatMap((q) => tier.keys.get(tier.form(q)) ?? []))].filter(fits);
      const [first, second] = hits;
      if (first !== undefined && second === undefined) return { ok: true, entity: first };
      if (first !== undefined) return { ok: false, reason: 'ambiguous', candidates: hits };
    }
  }
  return { ok: false, reason: 'unknown', candidates: opts?.suggest === false ? [] : suggest(index, key, fits) };
}

/** "Kota Bekasi (32.75), Kabupaten Bekasi (32.16)" */
export function formatCandidates(candidates: readonly RegistryEntity[]): string {
  return candidates.map((c) => `${c.name} (${c.code})`).join(', ');
}
