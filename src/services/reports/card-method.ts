/**
 * What a report card adds for the 2025 method: a withheld card ("DITAHAN", the score
 * stands), the parts of the score with their weights, and the qualifier "Tanpa
 * Maladministrasi" with the supervision products still outstanding. Empty for
 * earlier editions.
 */
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { ReportCardModel } from '../../domain/report/card.ts';
import { formatScore } from '../../domain/report/format.ts';

const thin = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#bdbdbd',
  vLineColor: () => '#bdbdbd',
};

const STATUS_LABEL: Record<string, string> = { belum: 'belum', proses: 'proses', selesai: 'selesai' };

export function methodBlocks(m: ReportCardModel): Content[] {
  const out: Content[] = [];
  if (m.withheld !== null) {
    out.push({
      text: `RAPOR DAN PIAGAM DITAHAN sampai produk pengawasan Ombudsman dilaksanakan; nilai tetap dicatat. Alasan: ${m.withheld}`,
      color: '#c62828',
      bold: true,
      margin: [0, 0, 0, 6],
    });
  }
  if (m.quality !== null) out.push({ text: `Kualitas: ${m.quality}`, style: 'small', margin: [0, 0, 0, 4] });
  if (m.parts.length > 0) {
    const body: TableCell[][] = [
      [
        { text: 'Komponen nilai', style: 'th' },
        { text: 'Bobot', style: 'th' },
        { text: 'Nilai', style: 'th' },
      ],
      ...m.parts.map((p) => [p.name, `${p.weight}%`, p.score === null ? 'belum ada' : formatScore(p.score, 'id')]),
    ];
    out.push({ table: { widths: ['*', 50, 60], body }, layout: thin, margin: [0, 0, 0, 6] });
  }
  const q = m.qualifier;
  if (q) {
    const head = q.granted
      ? `${q.text.id}: semua produk pengawasan Ombudsman yang jatuh tempo sampai ${q.referenceDate} telah dilaksanakan (${q.due} produk).`
      : `Belum ${q.text.id}: ${q.outstanding.length} dari ${q.due} produk pengawasan yang jatuh tempo sampai ${q.referenceDate} belum dilaksanakan.`;
    out.push({ text: head, style: 'small', margin: [0, 0, 0, 4] });
    for (const p of q.outstanding) {
      out.push({
        text: `• ${p.number}, jatuh tempo ${p.dueOn}, status ${STATUS_LABEL[p.status] ?? p.status}`,
        style: 'small',
      });
    }
  }
  return out;
}
