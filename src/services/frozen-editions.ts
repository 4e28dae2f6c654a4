/**
 * Frozen editions (issue 9, item 3; ADR 0012). When an assessment first uses an
 * instrument edition, the edition's content is stored in `instrument_editions` with
 * its hash. From then on the catalog every service reads (scoring, explanations,
 * objections, report cards) holds the stored copy for that edition, not the file.
 * A file of an edition in use whose content no longer has the stored hash stops the
 * start: an edition in use is never edited, a change is a new edition.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { listEditionsInUse, listStoredEditions, storeEditionIfMissing } from '../db/repos/instrument-editions.ts';
import { type Instrument, parseInstrument } from '../domain/instrument/schema.ts';
import { AppError } from '../errors.ts';
import type { ServiceContext } from './context.ts';
import type { Catalog } from './instrument-catalog.ts';

/** The hash of an edition's content: sha256 of its JSON text (the file's data, not its spacing). */
export function editionHash(content: unknown): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function sourceOf(catalog: Catalog, code: string): { content: Record<string, unknown>; file: string | null } {
  const src = catalog.editionSources?.get(code);
  if (src) return { content: src.content, file: src.file };
  const inst = catalog.editions.get(code);
  if (!inst) throw new AppError('VALIDATION_FAILED', `unknown instrument edition "${code}"`);
  return { content: inst as unknown as Record<string, unknown>, file: null };
}

/** Stores the edition if no assessment used it before. Run it in the transaction that starts using it. */
export async function freezeEdition(ctx: Pick<ServiceContext, 'db' | 'catalog'>, code: string): Promise<void> {
  const { content } = sourceOf(ctx.catalog, code);
  await storeEditionIfMissing(ctx.db, { code, hash: editionHash(content), content });
}

/**
 * Freezes every edition in use that is not stored yet, refuses a changed file of a
 * stored one, and returns the catalog with the stored copies in place of the files.
 */
export async function frozenCatalog(db: Database, catalog: Catalog): Promise<Catalog> {
  for (const code of await listEditionsInUse(db)) {
    if (catalog.editions.has(code)) await freezeEdition({ db, catalog }, code);
  }
  const editions = new Map(catalog.editions);
  const changed: string[] = [];
  for (const stored of await listStoredEditions(db)) {
    const src = catalog.editionSources?.get(stored.code);
    if (src && editionHash(src.content) !== stored.hash) {
      changed.push(stored.code);
      continue;
    }
    const parsed = parseInstrument(stored.content);
    if (!parsed.ok) {
      throw new AppError('INTERNAL', `the stored copy of edition ${stored.code} no longer reads as an edition`, {
        problems: parsed.problems,
      });
    }
    editions.set(stored.code, parsed.value as Instrument);
  }
  if (changed.length > 0) {
    const files = changed.map((c) => catalog.editionSources?.get(c)?.file ?? c);
    throw new AppError(
      'EDITION_CHANGED',
      `${files.join(', ')} ${changed.length === 1 ? 'was' : 'were'} edited, but ${changed.length === 1 ? 'its edition is' : 'their editions are'} already used by an assessment (${changed.join(', ')}). ` +
        'An edition in use is frozen: restore the file, and put the change in a new edition (a new file with a new "edition" code) for a new assessment. ' +
        `/ Berkas ${files.join(', ')} diubah padahal edisinya sudah dipakai penilaian; kembalikan berkas itu dan buat edisi baru untuk perubahan.`,
      { editions: changed, files },
    );
  }
  return { ...catalog, editions };
}
