/** The certificate (piagam penghargaan) as a pdfmake document definition: pure, from the certificate model. */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { CertificateModel } from '../../domain/report/certificate.ts';
import { formatDate, formatScore, LEVEL_LABEL, ZONE_COLOUR, ZONE_LABEL } from '../../domain/report/format.ts';
import { SYNTHETIC_TEXT, syntheticBanner } from './document-parts.ts';

// A4 landscape in points
const W = 841.89;
const H = 595.28;

export function buildCertificateDocument(m: CertificateModel, printedAt: Date, compress = true): TDocumentDefinitions {
  // from 2025 there are no zones: the badge carries the score alone, in the award's green
  const zone = m.zone === null ? { text: '#ffffff', fill: '#1b5e20' } : ZONE_COLOUR[m.zone];
  const achievement =
    m.category !== null
      ? `Kategori ${m.category} — ${m.opinion}`
      : m.zone === null
        ? `Opini Ombudsman RI: ${m.opinion}`
        : `${m.opinion} — ${ZONE_LABEL[m.zone]}`;
  const badge = m.zone === null ? '' : `${ZONE_LABEL[m.zone].toUpperCase()} · `;
  const content: Content[] = [
    ...(m.synthetic ? [syntheticBanner()] : []),
    { text: 'OMBUDSMAN REPUBLIK INDONESIA', fontSize: 16, bold: true, color: '#0d47a1', alignment: 'center' },
    {
      text: 'PIAGAM PENGHARGAAN',
      fontSize: 34,
      bold: true,
      color: '#1b5e20',
      alignment: 'center',
      margin: [0, 18, 0, 4],
    },
    {
      text: 'Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik',
      fontSize: 13,
      alignment: 'center',
      color: '#424242',
    },
    { text: 'diberikan kepada', fontSize: 12, italics: true, alignment: 'center', margin: [0, 22, 0, 6] },
    { text: m.unit ?? m.entity.name, fontSize: 26, bold: true, alignment: 'center' },
    {
      text: `${m.unit === null ? '' : `${m.entity.name} · `}${LEVEL_LABEL[m.entity.level]}${m.entity.province ? ` · Provinsi ${m.entity.province}` : ''}`,
      fontSize: 11,
      alignment: 'center',
      color: '#616161',
      margin: [0, 2, 0, 16],
    },
    {
      text: `atas capaian hasil Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik Tahun ${m.year} dengan`,
      fontSize: 12,
      alignment: 'center',
    },
    { text: achievement, fontSize: 18, bold: true, color: '#1b5e20', alignment: 'center', margin: [0, 6, 0, 4] },
    {
      columns: [
        { width: '*', text: '' },
        {
          width: 'auto',
          table: {
            body: [
              [
                {
                  text: `${badge}NILAI ${formatScore(m.score, 'id')}`,
                  bold: true,
                  color: zone.text,
                  fillColor: zone.fill,
                  margin: [14, 5, 14, 5],
                },
              ],
            ],
          },
          layout: 'noBorders',
        },
        { width: '*', text: '' },
      ],
      margin: [0, 4, 0, 24],
    },
    {
      columns: [
        { width: '*', text: '' },
        {
          width: 260,
          stack: [
            { text: `Jakarta, ${formatDate(printedAt)}`, alignment: 'center' },
            { text: 'Ketua Ombudsman Republik Indonesia', alignment: 'center', bold: true, margin: [0, 2, 0, 40] },
            { canvas: [{ type: 'line', x1: 30, y1: 0, x2: 230, y2: 0, lineWidth: 0.7 }] },
          ],
        },
      ],
    },
  ];
  return {
    compress,
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [70, 60, 70, 50],
    info: {
      title: `Piagam Penghargaan ${m.year} — ${m.entity.name}`,
      author: 'Ombudsman Republik Indonesia',
      creator: 'Patuh',
    },
    ...(m.synthetic ? { watermark: { text: SYNTHETIC_TEXT.short, color: '#c62828', opacity: 0.07, bold: true } } : {}),
    background: {
      canvas: [
        { type: 'rect', x: 20, y: 20, w: W - 40, h: H - 40, lineWidth: 3, lineColor: '#1b5e20' },
        { type: 'rect', x: 28, y: 28, w: W - 56, h: H - 56, lineWidth: 0.8, lineColor: '#c9a227' },
      ],
    },
    content,
    defaultStyle: { font: 'Roboto', fontSize: 11 },
  };
}
