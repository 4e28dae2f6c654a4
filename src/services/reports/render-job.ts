/** One document to render: what the batch hands to a worker thread (or renders inline). */
import type { ReportCardModel } from '../../domain/report/card.ts';
import type { CertificateModel } from '../../domain/report/certificate.ts';
import { buildCardDocument } from './card-document.ts';
import { buildCertificateDocument } from './certificate-document.ts';
import { renderPdf } from './pdf.ts';

export type RenderSpec =
  | { kind: 'card'; model: ReportCardModel; printedAt: string; compress: boolean }
  | { kind: 'certificate'; model: CertificateModel; printedAt: string; compress: boolean };

export function renderJob(spec: RenderSpec): Promise<Buffer> {
  const at = new Date(spec.printedAt);
  return renderPdf(
    spec.kind === 'card'
      ? buildCardDocument(spec.model, at, spec.compress)
      : buildCertificateDocument(spec.model, at, spec.compress),
  );
}
