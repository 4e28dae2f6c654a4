/**
 * A synthetic national cycle: 586 entities in the real level mix (25 kementerian,
 * 14 lembaga, 34 provinsi, 98 kota, 415 kabupaten), 7 units each, every indicator
 * answered with realistic respondent counts (4 officials, 2 complaint officers,
 * 2 products observed, N service users per unit), values from a fixed seed.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { EntityRow } from '../src/db/repos/entities.ts';
import type { Instrument } from '../src/domain/instrument/schema.ts';
import { existsIn } from '../src/domain/registry/lifespan.ts';
import { seededRandom } from '../src/services/demo.ts';

export const LEVEL_MIX = { kementerian: 25, lembaga: 14, provinsi: 34, kota: 98, kabupaten: 415 } as const;
export const UNITS_PER_ENTITY = 7;

/** The first entities of each level that existed in the cycle's year (a dissolved body cannot be assessed). */
export function pickEntities(all: readonly EntityRow[], year: number): EntityRow[] {
  const out: EntityRow[] = [];
  for (const [level, n] of Object.entries(LEVEL_MIX)) {
    const pool = all.filter((e) => e.level === level && existsIn(e, year));
    if (pool.length < n) throw new Error(`registry has ${pool.length} ${level}, the mix needs ${n}`);
    out.push(...pool.slice(0, n));
  }
  return out;
}

export interface NationalRow {
  entity: string;
  unit: string;
  indicator: string;
  respondent: string;
  value: number | null;
}

export function* nationalAnswers(
  inst: Instrument,
  entities: readonly EntityRow[],
  serviceUsers: number,
): Generator<NationalRow> {
  const random = seededRandom(2023);
  const indicators = inst.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators));
  for (const e of entities) {
    const quality = 0.35 + random() * 0.6;
    for (let u = 1; u <= UNITS_PER_ENTITY; u++) {
      const unit = u <= 5 ? `Unit Layanan ${u}` : `Puskesmas ${u - 5}`;
      for (const i of indicators) {
        if (i.appliesTo && !i.appliesTo.includes(e.level)) continue;
        const observed = i.method === 'observation' || i.method === 'document_check';
        const n =
          i.respondents === 'cycle' ? serviceUsers : observed && i.code.startsWith('PR.STD') ? 2 : i.respondents;
        for (let r = 1; r <= n; r++) {
          const respondent = observed ? (n > 1 ? `P${r}` : '') : `R${r}`;
          const x = random();
          const value =
            x < 0.02
              ? null
              : (random() < quality ? 1 : 0) + (random() < quality ? 1 : 0) + (random() < quality ? 1 : 0);
          yield { entity: e.code, unit, indicator: i.code, respondent, value };
        }
      }
    }
  }
}

export async function writeCsv(file: string, rows: Iterable<NationalRow>): Promise<number> {
  const out = createWriteStream(file);
  out.write('entity,unit,indicator,respondent,value\n');
  let n = 0;
  let buf = '';
  for (const r of rows) {
    buf += `${r.entity},${r.unit},${r.indicator},${r.respondent},${r.value === null ? 'NA' : r.value}\n`;
    n += 1;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.write(buf);
  out.end();
  await once(out, 'finish');
  return n;
}
