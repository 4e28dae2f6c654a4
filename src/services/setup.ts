/**
 * Makes a database ready: migrations, the registry of entities and regional offices,
 * and the known cycles. Safe to run again: it only adds what is missing, and brings
 * the lifespan of split and reshaped bodies (until, successors) in line with the
 * registry, so a database created before migration 0008 gets it on its next start.
 * Last, it re-stores the results of every cycle whose basis changed (stored-results.ts).
 */
import { type Database, migrateToLatest } from '../db/database.ts';
import { insertCycleIfMissing } from '../db/repos/cycles.ts';
import {
  countEntities,
  insertMissingEntities,
  insertMissingOffices,
  updateEntityLifespans,
} from '../db/repos/entities.ts';
import { frozenCatalog } from './frozen-editions.ts';
import { type Catalog, defaultCatalog } from './instrument-catalog.ts';
import { loadRegistryEntities } from './registry/registry-source.ts';
import { refreshStaleResults } from './results/stored-results.ts';

/** The cycles every installation knows: history as published, and the assessed editions. */
export const KNOWN_CYCLES = [
  { year: 2021, edition: null, bandScheme: 'zones-2021', status: 'published', settings: {} },
  { year: 2022, edition: 'pemda-2022', bandScheme: 'categories-2022', status: 'published', settings: {} },
  { year: 2023, edition: 'pemda-2023', bandScheme: 'categories-2022', status: 'published', settings: {} },
  { year: 2024, edition: null, bandScheme: 'categories-2022', status: 'published', settings: {} },
] as const;

export interface SetupReport {
  migrations: string[];
  entitiesAdded: number;
  /** entities whose lifespan (until, successors) was set or changed from the registry */
  lifespansUpdated: number;
  /** cycles whose stored results were re-stored: new, or their bands, instrument or registry changed */
  resultsRestored: string[];
  /** the catalog to serve: the stored (frozen) copy of every edition in use (frozen-editions.ts) */
  catalog: Catalog;
}

export async function prepareDatabase(db: Database, catalog: Catalog = defaultCatalog()): Promise<SetupReport> {
  const { applied } = await migrateToLatest(db);
  let entitiesAdded = 0;
  const registry = await loadRegistryEntities();
  if ((await countEntities(db)) < registry.length) {
    entitiesAdded = await insertMissingEntities(db, registry);
    await insertMissingOffices(
      db,
      registry
        .filter((e) => e.level === 'provinsi')
        .map((p) => ({
          code: p.code,
          provinceCode: p.code,
          name: `Ombudsman RI Perwakilan ${p.name.replace(/^Provinsi /, '')}`,
        })),
    );
  }
  const lifespansUpdated = await updateEntityLifespans(db, registry);
  for (const c of KNOWN_CYCLES) await insertCycleIfMissing(db, { ...c, settings: { ...c.settings } });
  const frozen = await frozenCatalog(db, catalog);
  const resultsRestored = await refreshStaleResults({ db, catalog: frozen });
  return { migrations: applied, entitiesAdded, lifespansUpdated, resultsRestored, catalog: frozen };
}
