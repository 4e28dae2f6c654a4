/** The floor of the report-card benchmark: one-page PDFs with one line, written to files (a worker thread). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { renderPdf } from '../src/services/reports/pdf.ts';

const { count, dir, prefix } = workerData as { count: number; dir: string; prefix: string };
mkdirSync(dir, { recursive: true });
for (let i = 0; i < count; i++) {
  const pdf = await renderPdf({
    content: [{ text: `Halaman ${i + 1}`, bold: i % 2 === 0 }],
    defaultStyle: { font: 'Roboto' },
  });
  writeFileSync(path.join(dir, `${prefix}-${i}.pdf`), pdf);
}
parentPort?.postMessage('done');
