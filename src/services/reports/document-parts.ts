/** Pieces shared by the report card and the certificate documents. */
import type { Content, DynamicContent, StyleDictionary } from 'pdfmake/interfaces.js';

export const SYNTHETIC_TEXT = {
  banner: 'DATA SINTETIS — bukan hasil penilaian sebenarnya',
  short: 'DATA SINTETIS',
};

export const LEGAL_BASIS =
  'Dasar hukum: UU 25/2009 tentang Pelayanan Publik; UU 37/2008 tentang Ombudsman Republik Indonesia; PP 96/2012; Perpres 76/2013 tentang Pengelolaan Pengaduan Pelayanan Publik.';

export function syntheticBanner(): Content {
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            text: SYNTHETIC_TEXT.banner,
            bold: true,
            fontSize: 12,
            color: '#ffffff',
            fillColor: '#c62828',
            alignment: 'center',
            margin: [0, 5, 0, 5],
          },
        ],
      ],
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 10],
  };
}

export function pageFooter(left: string, legal: string): DynamicContent {
  return (page: number, pages: number) => ({
    margin: [40, 8, 40, 0],
    stack: [
      { text: legal, fontSize: 7, color: '#616161' },
      {
        columns: [
          { text: left, fontSize: 7, color: '#616161' },
          { text: `Halaman ${page} dari ${pages}`, fontSize: 7, color: '#616161', alignment: 'right', width: 80 },
        ],
        margin: [0, 2, 0, 0],
      },
    ],
  });
}

export const reportStyles: StyleDictionary = {
  org: { fontSize: 13, bold: true, color: '#0d47a1' },
  title: { fontSize: 12, bold: true, margin: [0, 2, 0, 0] },
  subtitle: { fontSize: 10, color: '#424242', margin: [0, 1, 0, 0] },
  h2: { fontSize: 11, bold: true, color: '#0d47a1', margin: [0, 4, 0, 4] },
  label: { fontSize: 8, color: '#616161' },
  score: { fontSize: 26, bold: true, color: '#0d47a1' },
  opinion: { fontSize: 12, bold: true },
  th: { bold: true, fillColor: '#eeeeee', fontSize: 8.5 },
  small: { fontSize: 8, color: '#424242' },
  note: { fontSize: 9, italics: true, color: '#424242' },
};
