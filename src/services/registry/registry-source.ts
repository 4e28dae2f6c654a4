/**
 * The built-in registry of entities the assessment can cover: the 38 provinces and
 * 514 regencies and cities of idn-area-data (Kemendagri codes and names), and the
 * curated ministries and agencies in registry/agencies.json.
 *
 * agencies.json holds current bodies and, marked with "until" and "successors",
 * bodies that were split or reshaped (Kemenkumham, Kemendikbudristek, KLHK, PUPR,
 * BP2MI, ...), so that published results of earlier cycles still resolve. A body
 * that was only renamed keeps one entry with the old name as an alias (Kominfo is
 * an alias of Komdigi). "until" and "successors" are checked here and carried into
 * RegistryEntity; domain/registry/lifespan.ts decides in which cycles such a body
 * can be assessed.
 */
import { readFile } from 'node:fs/promises';
import { getProvinces, getRegencies } from 'idn-area-data';
import { z } from 'zod';
import { normalizeName, type RegistryEntity } from '../../domain/registry/names.ts';

const AGENCIES_FILE = new URL('../../../registry/agencies.json', import.meta.url);
const REGION_ALIASES_FILE = new URL('../../../registry/region-aliases.json', import.meta.url);

/**
 * Names people use for provinces besides the bare official one. Abbreviations are
 * the common ones in Ombudsman and press texts; "Daerah Khusus Jakarta" is the name
 * UU 2/2024 gives the province, idn-area-data still says "Daerah Khusus Ibukota Jakarta".
 * "Yogyakarta" alone is left out on purpose: it is also Kota Yogyakarta.
 */
const PROVINCE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  '11': ['Nanggroe Aceh Darussalam', 'NAD'],
  '12': ['Sumut'],
  '13': ['Sumbar'],
  '16': ['Sumsel'],
  '19': ['Bangka Belitung', 'Babel'],
  '21': ['Kepri'],
  '31': ['DKI Jakarta', 'DKI', 'Jakarta', 'Daerah Khusus Jakarta'],
  '32': ['Jabar'],
  '33': ['Jateng'],
  '34': ['DI Yogyakarta', 'DIY'],
  '35': ['Jatim'],
  '52': ['NTB'],
  '53': ['NTT'],
  '61': ['Kalbar'],
  '62': ['Kalteng'],
  '63': ['Kalsel'],
  '64': ['Kaltim'],
  '65': ['Kaltara'],
  '71': ['Sulut'],
  '72': ['Sulteng'],
  '73': ['Sulsel'],
  '74': ['Sultra'],
  '76': ['Sulbar'],
  '82': ['Malut'],
};

const agencySchema = z
  .object({
    code: z
      .string()
      .regex(
        /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/,
        'codes are upper-case letters, digits and hyphens, starting with a letter',
      ),
    level: z.enum(['kementerian', 'lembaga']),
    name: z.string().trim().min(1),
    nameEn: z.string().trim().min(1),
    aliases: z.array(z.string().trim().min(1)),
    /** the last year the body existed in this form */
    until: z.number().int().min(1945).optional(),
    /** codes of the bodies that took over its services */
    successors: z.array(z.string()).min(1).optional(),
  })
  .strict();

export type Agency = z.infer<typeof agencySchema>;

/** Parse agencies.json; every problem is reported at once, with its place in the file. */
export function parseAgencies(input: unknown, source = 'registry/agencies.json'): Agency[] {
  const parsed = z.array(agencySchema).safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.map(String).join('.')}: ${i.message}`);
    throw new Error(`${source} is not valid:\n${lines.join('\n')}`);
  }
  const agencies = parsed.data;
  const problems: string[] = [];
  const codes = new Set<string>();
  const nameOwner = new Map<string, string>();
  agencies.forEach((a, i) => {
    if (codes.has(a.code)) problems.push(`  ${i}.code: ${a.code} is used twice`);
    codes.add(a.code);
    for (const n of new Set([a.name, ...a.aliases].map(normalizeName))) {
      const owner = nameOwner.get(n);
      if (owner !== undefined && owner !== a.code) problems.push(`  ${i}: the name "${n}" also belongs to ${owner}`);
      else nameOwner.set(n, a.code);
    }
  });
  agencies.forEach((a, i) => {
    for (const s of a.successors ?? []) {
      if (!codes.has(s)) problems.push(`  ${i}.successors: ${s} is not a code in the file`);
    }
    if ((a.until === undefined) !== (a.successors === undefined)) {
      problems.push(`  ${i}: "until" and "successors" go together`);
    }
  });
  if (problems.length > 0) throw new Error(`${source} is not valid:\n${problems.join('\n')}`);
  return agencies;
}

const regionAliasesSchema = z.object({
  about: z.string(),
  aliases: z.record(
    z.string().regex(/^\d{2}\.\d{2}$/, 'keys are regency or city codes such as "73.10"'),
    z.object({ aliases: z.array(z.string().min(1)).min(1), note: z.string().optional() }),
  ),
});

/** The regency and city aliases of registry/region-aliases.json, each code checked against the regions. */
function parseRegionAliases(raw: unknown, regencyCodes: ReadonlySet<string>): Map<string, string[]> {
  const source = 'registry/region-aliases.json';
  const parsed = regionAliasesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `${source} is not valid:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  const unknown = Object.keys(parsed.data.aliases).filter((code) => !regencyCodes.has(code));
  if (unknown.length > 0) throw new Error(`${source}: ${unknown.join(', ')} are not regency or city codes`);
  return new Map(Object.entries(parsed.data.aliases).map(([code, a]) => [code, a.aliases]));
}

function regionLevel(name: string): 'kabupaten' | 'kota' {
  if (name.startsWith('Kabupaten ')) return 'kabupaten';
  if (name.startsWith('Kota ')) return 'kota';
  throw new Error(`idn-area-data regency "${name}" starts with neither "Kabupaten" nor "Kota"`);
}

/** Provinces, then regencies and cities (in Kemendagri code order), then ministries and agencies. */
export async function loadRegistryEntities(): Promise<RegistryEntity[]> {
  const [provinces, regencies, agenciesText, regionAliasesText] = await Promise.all([
    getProvinces(),
    getRegencies({ transform: true }),
    readFile(AGENCIES_FILE, 'utf8'),
    readFile(REGION_ALIASES_FILE, 'utf8'),
  ]);
  const regionAliases = parseRegionAliases(JSON.parse(regionAliasesText), new Set(regencies.map((r) => r.code)));
  const agencies = parseAgencies(JSON.parse(agenciesText));
  const provinceCodes = new Set(provinces.map((p) => p.code));

  const entities: RegistryEntity[] = provinces.map((p) => ({
    code: p.code,
    name: `Provinsi ${p.name}`,
    level: 'provinsi',
    provinceCode: p.code,
    aliases: [p.name, ...(PROVINCE_ALIASES[p.code] ?? [])],
    until: null,
    successors: [],
  }));
  for (const r of regencies) {
    if (!provinceCodes.has(r.provinceCode)) {
      throw new Error(`idn-area-data regency ${r.code} names an unknown province ${r.provinceCode}`);
    }
    const level = regionLevel(r.name);
    entities.push({
      code: r.code,
      name: r.name,
      level,
      provinceCode: r.provinceCode,
      aliases: (regionAliases.get(r.code) ?? []).map((a) => `${level === 'kota' ? 'Kota' : 'Kabupaten'} ${a}`),
      until: null,
      successors: [],
    });
  }
  for (const a of agencies) {
    entities.push({
      code: a.code,
      name: a.name,
      level: a.level,
      provinceCode: null,
      aliases: [...a.aliases],
      until: a.until ?? null,
      successors: [...(a.successors ?? [])],
    });
  }
  return entities;
}
