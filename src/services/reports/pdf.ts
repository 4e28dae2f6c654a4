/**
 * Renders pdfmake document definitions to PDF bytes, offline: the Roboto fonts that
 * ship with pdfmake are read once into memory, no URL is ever fetched and no other
 * local file is read. Parsed fonts are shared between documents (font-cache.ts).
 * pdfmake is loaded on first use, so commands that render nothing do not carry it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

type PdfMake = typeof import('pdfmake');

const require = createRequire(import.meta.url);

let loading: Promise<PdfMake> | undefined;

async function load(): Promise<PdfMake> {
  await import('./font-cache.ts'); // before pdfkit is first required
  const pdfMake = (await import('pdfmake')).default;
  const fonts = {
    'Roboto-Regular.ttf': 'pdfmake/fonts/Roboto/Roboto-Regular.ttf',
    'Roboto-Medium.ttf': 'pdfmake/fonts/Roboto/Roboto-Medium.ttf',
    'Roboto-Italic.ttf': 'pdfmake/fonts/Roboto/Roboto-Italic.ttf',
    'Roboto-MediumItalic.ttf': 'pdfmake/fonts/Roboto/Roboto-MediumItalic.ttf',
  };
  // pdfmake's virtual file system: fonts are read from memory, never from disk per document
  const vfs = (pdfMake as unknown as { virtualfs: { writeFileSync(name: string, data: Buffer): void } }).virtualfs;
  for (const [name, spec] of Object.entries(fonts)) vfs.writeFileSync(name, readFileSync(require.resolve(spec)));
  pdfMake.setFonts({
    Roboto: {
      normal: 'Roboto-Regular.ttf',
      bold: 'Roboto-Medium.ttf',
      italics: 'Roboto-Italic.ttf',
      bolditalics: 'Roboto-MediumItalic.ttf',
    },
  });
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy(() => false);
  return pdfMake;
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  loading ??= load();
  const pdfMake = await loading;
  return pdfMake.createPdf(doc).getBuffer();
}
