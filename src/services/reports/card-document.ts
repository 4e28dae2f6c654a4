/**
 * The report card (rapor) as a pdfmake document definition: pure, from the card model
 * (domain/report/card.ts). Every number shown is formatted here from the model, which
 * takes it from the cycle's results and the engine's explanation.
 */

import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ReportCardModel } from '../../domain/report/card.ts';
import {
  CYCLE_STATUS_LABEL,
  describeChange,
  formatChange,
  formatDate,
  formatMaybe,
  formatScore,
  LEVEL_LABEL,
  LEVEL_PLURAL,
  ZONE_COLOUR,
  ZONE_LABEL,
} from '../../domain/report/format.ts';
import { methodBlocks } from './card-method.ts';
import { LEGAL_BASIS, pageFooter, reportStyles, SYNTHETIC_TEXT, syntheticBanner } from './document-parts.ts';

const thin = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#bdbdbd',
  vLineColor: () => '#bdbdbd',
};

function header(m: ReportCardModel): Content {
  return {
    stack: [
      { text: 'OMBUDSMAN REPUBLIK INDONESIA', style: 'org' },
      { text: 'Rapor Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik', style: 'title' },
      { text: `Tahun Penilaian ${m.year}`, style: 'subtitle' },
      { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 515, y2: 4, lineWidth: 1.5, lineColor: '#0d47a1' }] },
    ],
    margin: [0, 0, 0, 10],
  };
}

function draftNote(status: string): Content {
  return {
    text: `DRAF — hasil siklus ini belum ditetapkan dan dipublikasikan (tahap: ${CYCLE_STATUS_LABEL[status] ?? status}); angka dapat berubah.`,
    bold: true,
    color: '#5d4037',
    background: '#fff3e0',
    margin: [0, 0, 0, 10],
  };
}

function identity(m: ReportCardModel): Content {
  const row = (label: string, value: string): TableCell[] => [
    { text: label, style: 'label' },
    { text: value, bold: label === 'Instansi' },
  ];
  return {
    table: {
      widths: [110, '*'],
      body: [
        row('Instansi', m.entity.name),
        row('Jenis instansi', LEVEL_LABEL[m.entity.level]),
        row('Provinsi', m.entity.province ?? '– (instansi pusat)'),
        row('Kode instansi', m.entity.code),
        row('Skema penilaian', m.schemeName),
      ],
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 10],
  };
}

function zoneBadge(m: { zone: ReportCardModel['zone']; quality: string | null }): TableCell {
  // from 2025 there are no zones: the quality word stands in the badge's place
  if (m.zone === null) return { text: m.quality ?? '', bold: true, alignment: 'center', margin: [4, 6, 4, 6] };
  const c = ZONE_COLOUR[m.zone];
  return {
    text: ZONE_LABEL[m.zone].toUpperCase(),
    bold: true,
    color: c.text,
    fillColor: c.fill,
    alignment: 'center',
    margin: [4, 6, 4, 6],
  };
}

function rankText(m: ReportCardModel): string {
  const parts: string[] = [];
  if (m.rank > 0)
    parts.push(`Peringkat ${m.rank} dari ${m.levelCount} ${LEVEL_PLURAL[m.entity.level]} secara nasional`);
  if (m.provinceRank !== null && m.entity.province)
    parts.push(`peringkat ${m.provinceRank} di Provinsi ${m.entity.province}`);
  return parts.join('; ');
}

function resultBlock(m: ReportCardModel): Content[] {
  const out: Content[] = [
    {
      table: {
        widths: [120, '*', 110],
        body: [
          [
            {
              stack: [
                { text: 'Nilai', style: 'label' },
                { text: formatScore(m.score, 'id'), style: 'score' },
              ],
              rowSpan: 2,
            },
            {
              stack: [
                { text: m.category === null ? 'Opini' : 'Kategori dan opini', style: 'label' },
                { text: m.category === null ? m.opinion : `Kategori ${m.category} — ${m.opinion}`, style: 'opinion' },
              ],
            },
            zoneBadge(m),
          ],
          ['', { text: rankText(m), colSpan: 2, style: 'small' }, ''],
        ],
      },
      layout: thin,
      margin: [0, 0, 0, 6],
    },
  ];
  out.push(...methodBlocks(m));
  if (!m.complete) {
    out.push({
      text: 'BELUM LENGKAP: ada indikator wajib yang belum dijawab; nilai dihitung dari indikator yang terjawab.',
      color: '#c62828',
      bold: true,
      margin: [0, 0, 0, 6],
    });
  }
  return out;
}

function bandText(r: { category: string | null; opinion: string; zone: ReportCardModel['zone'] }): string {
  if (r.category !== null) return `Kategori ${r.category}, ${r.opinion}`;
  return r.zone === null ? r.opinion : `${r.opinion}, ${ZONE_LABEL[r.zone]}`;
}

function comparison(m: ReportCardModel): Content {
  const p = m.previous;
  if (!p)
    return {
      text: 'Tidak ada hasil siklus sebelumnya untuk instansi ini; perbandingan belum dapat dibuat.',
      style: 'small',
      margin: [0, 0, 0, 10],
    };
  const was = bandText(p);
  const now = bandText(m);
  const body: TableCell[][] = [
    [
      { text: 'Siklus', style: 'th' },
      { text: 'Nilai', style: 'th' },
      { text: 'Hasil', style: 'th' },
    ],
    [String(p.year), formatScore(p.score, 'id'), was],
    [String(m.year), formatScore(m.score, 'id'), now],
    [
      { text: 'Perubahan', bold: true },
      { text: formatChange(p.changeHundredths), bold: true },
      describeChange(p.changeHundredths),
    ],
  ];
  const stack: Content[] = [
    { text: `Perbandingan dengan ${p.year}`, style: 'h2' },
    { table: { widths: [70, 70, '*'], body }, layout: thin },
  ];
  if (p.schemeChanged) {
    stack.push({
      text: `Catatan: siklus ${p.year} memakai skema pita yang berbeda (${p.category === null ? 'zona tanpa kategori' : 'kategori lain'}); perubahan nilai dapat dibandingkan, kategori dan zona tidak sepenuhnya sebanding.`,
      style: 'small',
      margin: [0, 3, 0, 0],
    });
  }
  return { stack, margin: [0, 0, 0, 10] };
}

function unitsTable(m: ReportCardModel): Content {
  const dims = m.dimensions;
  const head: TableCell[] = [
    { text: 'No', style: 'th' },
    { text: 'Unit layanan', style: 'th' },
    { text: 'Nilai', style: 'th', alignment: 'right' },
    ...dims.map(
      (d): TableCell => ({
        text: `${d.name}\n(bobot ${formatScore(d.weight, 'id')})`,
        style: 'th',
        alignment: 'right',
      }),
    ),
  ];
  const body: TableCell[][] = [head];
  m.units.forEach((u, i) => {
    body.push([
      String(i + 1),
      `${u.name}${u.complete ? '' : ' *'}`,
      { text: formatMaybe(u.score), alignment: 'right' },
      ...dims.map(
        (d): TableCell => ({
          text: formatMaybe(u.dimensions.find((x) => x.code === d.code)?.score ?? null),
          alignment: 'right',
        }),
      ),
    ]);
  });
  body.push([
    { text: '', fillColor: '#e3f2fd' },
    { text: 'Nilai instansi (rata-rata unit)', bold: true, fillColor: '#e3f2fd' },
    { text: formatScore(m.score, 'id'), bold: true, alignment: 'right', fillColor: '#e3f2fd' },
    ...dims.map(
      (d): TableCell => ({ text: formatMaybe(d.score), bold: true, alignment: 'right', fillColor: '#e3f2fd' }),
    ),
  ]);
  const stack: Content[] = [
    { text: dims.length > 0 ? 'Nilai per unit layanan dan per dimensi' : 'Nilai per unit layanan', style: 'h2' },
    { table: { headerRows: 1, widths: [18, '*', 40, ...dims.map(() => 52)], body }, layout: thin, fontSize: 8.5 },
  ];
  if (m.units.some((u) => !u.complete))
    stack.push({ text: '* unit dengan indikator wajib yang belum dijawab', style: 'small' });
  if (dims.length > 0) {
    stack.push({
      text: 'Nilai dimensi instansi adalah rata-rata nilai dimensi unit layanan; nilai instansi adalah rata-rata nilai unit.',
      style: 'small',
      margin: [0, 3, 0, 0],
    });
  }
  return { stack, margin: [0, 0, 0, 10] };
}

function findings(m: ReportCardModel): Content {
  if (!m.detailed) {
    return {
      stack: [
        { text: 'Temuan', style: 'h2' },
        {
          text: 'Hasil instansi ini diketahui hanya dari nilai yang dipublikasikan; jawaban per indikator tidak tersedia, sehingga rapor ini tidak memuat rincian per dimensi dan temuan.',
          style: 'note',
        },
      ],
    };
  }
  if (m.findings.length === 0) {
    return {
      stack: [
        { text: 'Temuan', style: 'h2' },
        { text: 'Tidak ada indikator yang mengurangi nilai.', style: 'note' },
      ],
    };
  }
  const items: Content[] = m.findings.map((f, i) => ({
    unbreakable: true,
    margin: [0, 0, 0, 8],
    table: {
      widths: [18, '*'],
      body: [
        [
          { text: String(i + 1), bold: true, color: '#0d47a1' },
          {
            stack: [
              { text: f.text, bold: true },
              {
                text: `${f.indicator} · ${f.dimension} / ${f.variable} · nilai indikator ${formatMaybe(f.score)} · mengurangi ${formatScore(f.cost, 'id')} poin`,
                style: 'small',
                margin: [0, 2, 0, 2],
              },
              { text: [{ text: 'Yang dipersyaratkan: ', bold: true }, f.requirement], fontSize: 8.5 },
            ],
          },
        ],
      ],
    },
    layout: 'noBorders',
  }));
  return {
    stack: [
      { text: 'Temuan: indikator yang paling banyak mengurangi nilai', style: 'h2' },
      {
        text: 'Perbaikan pada indikator berikut memberi kenaikan nilai terbesar pada siklus berikutnya.',
        style: 'small',
        margin: [0, 0, 0, 6],
      },
      ...items,
    ],
  };
}

export function buildCardDocument(m: ReportCardModel, printedAt: Date, compress = true): TDocumentDefinitions {
  const content: Content[] = [
    header(m),
    ...(m.synthetic ? [syntheticBanner()] : []),
    ...(m.draftStatus === null ? [] : [draftNote(m.draftStatus)]),
    identity(m),
    ...resultBlock(m),
    comparison(m),
    unitsTable(m),
    findings(m),
  ];
  return {
    compress,
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 60],
    info: {
      title: `Rapor ${m.year} — ${m.entity.name}`,
      author: 'Ombudsman Republik Indonesia',
      subject: 'Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik',
      creator: 'Patuh',
    },
    ...(m.synthetic ? { watermark: { text: SYNTHETIC_TEXT.short, color: '#c62828', opacity: 0.07, bold: true } } : {}),
    content,
    footer: pageFooter(`Rapor ${m.year} · ${m.entity.name} · dicetak ${formatDate(printedAt)}`, LEGAL_BASIS),
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
    styles: reportStyles,
  };
}
