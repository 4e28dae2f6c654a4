/**
 * pdfkit (under pdfmake) parses each font afresh for every document: fontkit.create
 * on the same bytes, then decoding its tables glyph by glyph. For a batch of report
 * cards that was 60% of the rendering time. pdfkit only reads the parsed font (each
 * document makes its own subset), so a parsed font can be shared between documents.
 *
 * Neither pdfmake nor pdfkit offers a hook for this, so before pdfkit is first loaded
 * this module puts a fontkit whose `create` remembers its result per font buffer into
 * the module cache that pdfkit's `require('fontkit')` reads. If pdfkit was loaded
 * already, or the layout of the packages is not the expected one, nothing changes and
 * fonts are parsed per document as before. Import it before 'pdfmake'.
 */
import { createRequire } from 'node:module';

type FontkitModule = { create(src: Uint8Array, family?: string): unknown } & Record<string, unknown>;

function install(): boolean {
  try {
    const fromPackage = createRequire(import.meta.url);
    const pdfkitPath = fromPackage.resolve('pdfkit');
    if (fromPackage.cache[pdfkitPath]) return false; // too late: pdfkit holds the real fontkit
    const fromPdfkit = createRequire(pdfkitPath);
    const fontkitPath = fromPdfkit.resolve('fontkit');
    const real = fromPdfkit('fontkit') as FontkitModule;
    const entry = fromPdfkit.cache[fontkitPath];
    if (!entry || typeof real.create !== 'function') return false;
    const parsed = new WeakMap<Uint8Array, unknown>();
    const shared: FontkitModule = { ...real, create: real.create };
    shared.create = (src: Uint8Array, family?: string) => {
      if (family !== undefined) return real.create(src, family); // a collection member: not cached
      let font = parsed.get(src);
      if (font === undefined) {
        font = real.create(src);
        parsed.set(src, font);
      }
      return font;
    };
    entry.exports = shared;
    return true;
  } catch {
    return false;
  }
}

/** Whether parsed fonts are shared between documents in this process. */
export const fontCacheInstalled = install();
