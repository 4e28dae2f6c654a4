/**
 * The demo: the 2022 cycle for Kota Bekasi and Kota Kendari with the units named in
 * the seed articles, filled with SYNTHETIC answers from a fixed random seed. Units are
 * flagged synthetic and every screen and report says so. Real results are imported.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import type { Instrument } from '../domain/instrument/schema.ts';
import type { ServiceContext } from './context.ts';
import { loadCycle, requireInstrument } from './cycles.ts';
import { importAnswers } from './imports/import-answers.ts';

export const DEMO_YEAR = 2022;
export const DEMO_SEED = 20221231;

/** Units as the seed articles name them. `quality` steers the synthetic answers. */
export const DEMO_ENTITIES = [
  {
    entity: 'Kota Bekasi',
    quality: 0.83,
    units: [
      'DPMPTSP',
      'Dinas Kependudukan dan Catatan Sipil',
      'Dinas Kesehatan',
      'Dinas Sosial',
      'Dinas Pendidikan',
      'Puskesmas Karang Kitri',
      'Puskesmas Jatibening',
    ],
  },
  {
    entity: 'Kota Kendari',
    quality: 0.59,
    units: [
      'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
      'Dinas Kependudukan dan Catatan Sipil',
      'Dinas Kesehatan',
      'Dinas Sosial',
      'Dinas Pendidikan',
      'Puskesmas Jati Raya',
      'Puskesmas Lepo-lepo',
    ],
  },
] as const;

/** mulberry32: a small, well-known seeded generator; the same seed gives the same demo everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An answer 0..3 whose expected value is about quality × 3. */
function draw(random: () => number, quality: number): number {
  let v = 0;
  for (let k = 0; k < 3; k++) if (random() < quality) v += 1;
  return v;
}

export function demoAnswerRows(instrument: Instrument, serviceUsers: number): string[][] {
  const random = seededRandom(DEMO_SEED);
  const rows: string[][] = [['entity', 'unit', 'indicator', 'respondent', 'value']];
  for (const e of DEMO_ENTITIES) {
    for (const unit of e.units) {
      const unitQuality = Math.min(0.98, Math.max(0.05, e.quality + (random() - 0.5) * 0.2));
      for (const d of instrument.dimensions)
        for (const v of d.variables)
          for (const i of v.indicators) {
            if (i.appliesTo && !i.appliesTo.includes('kota')) continue;
            const n = i.respondents === 'cycle' ? serviceUsers : i.respondents;
            const prefix =
              i.method === 'service_user_interview' ? 'U' : i.method === 'complaint_officer_interview' ? 'P' : 'R';
            for (let r = 1; r <= n; r++) {
              const respondent =
                i.method === 'observation' || i.method === 'document_check' ? (n > 1 ? `P${r}` : '') : `${prefix}${r}`;
              rows.push([e.entity, unit, i.code, respondent, String(draw(random, unitQuality))]);
            }
          }
    }
  }
  return rows;
}

/** Loads the demo when the demo cycle has no answers yet. Returns whether it loaded. */
export async function loadDemoIfEmpty(ctx: ServiceContext): Promise<boolean> {
  const cycle = await loadCycle(ctx, DEMO_YEAR);
  const any = await sql<{ n: number }>`select count(*)::int as n from answers where cycle_id = ${cycle.id}`.execute(
    ctx.db,
  );
  if ((any.rows[0]?.n ?? 0) > 0) return false;
  const instrument = requireInstrument(cycle);
  const dir = mkdtempSync(path.join(tmpdir(), 'patuh-demo-'));
  try {
    const file = path.join(dir, 'demo-answers-2022.csv');
    writeFileSync(
      file,
      stringify(demoAnswerRows(instrument, cycle.settings.serviceUsersPerUnit ?? instrument.serviceUsersPerUnit)),
    );
    await importAnswers(ctx, file, DEMO_YEAR, { by: 'demo (synthetic)', actor: 'demo', synthetic: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return true;
}
