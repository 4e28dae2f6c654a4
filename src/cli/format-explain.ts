/** Renders an entity's explanation as text for a person. */
import { formatScore } from '../domain/scoring/rounding.ts';
import type { EntityExplanation } from '../services/results/explain.ts';

const L = {
  id: {
    score: 'Nilai',
    category: 'Kategori',
    zone: 'Zona',
    lost: 'Poin yang hilang',
    costliest: 'Indikator yang paling banyak mengurangi nilai',
    units: 'Unit layanan',
    publishedOnly: 'Hanya nilai yang dipublikasikan yang diketahui; tidak ada jawaban untuk menjelaskannya.',
    incomplete: 'BELUM LENGKAP: ada indikator wajib yang belum dijawab',
    synthetic: 'Data sintetis (demo), bukan hasil penilaian sebenarnya',
    cost: 'mengurangi',
    most: 'terutama pada',
    points: 'poin',
  },
  en: {
    score: 'Score',
    category: 'Category',
    zone: 'Zone',
    lost: 'Points lost',
    costliest: 'Indicators that cost the most',
    units: 'Service units',
    publishedOnly: 'Only the published score is known; there are no answers to explain it.',
    incomplete: 'INCOMPLETE: a required indicator is unanswered',
    synthetic: 'Synthetic (demo) data, not a real assessment',
    cost: 'cost',
    most: 'most of them on',
    points: 'points',
  },
} as const;

export function formatExplanation(x: EntityExplanation, lang: 'id' | 'en'): string {
  const t = L[lang];
  const r = x.result;
  const out: string[] = [];
  out.push(`${r.entity.name} — ${r.rank > 0 ? `#${r.rank} ` : ''}(${r.entity.level})`);
  out.push(
    `${t.score} ${formatScore(r.score, lang)} · ${t.category} ${r.category ?? '-'} · ${r.opinionText[lang]} · ${t.zone} ${r.zone}`,
  );
  if (r.synthetic) out.push(t.synthetic);
  if (!r.complete) out.push(t.incomplete);
  if (!x.explanation || !x.instrument) {
    out.push(t.publishedOnly);
    for (const u of r.units) out.push(`  ${u.name.padEnd(40)} ${u.score === null ? '-' : formatScore(u.score, lang)}`);
    return out.join('\n');
  }
  const inst = x.instrument;
  const names = new Map<string, string>();
  for (const d of inst.dimensions) {
    names.set(d.code, d.name[lang]);
    for (const v of d.variables) {
      names.set(`${d.code}.${v.code}`, v.name[lang]);
      for (const i of v.indicators) names.set(i.code, i.text[lang]);
    }
  }
  const e = x.explanation;
  out.push(`${t.lost}: ${formatScore(e.lost ?? 0, lang)}`);
  for (const d of [...e.dimensions].sort((a, b) => b.cost - a.cost)) {
    const top = [...d.variables.flatMap((v) => v.indicators)].sort((a, b) => b.cost - a.cost)[0];
    const topText = top && top.cost > 0 ? `, ${t.most} ${top.code} ${names.get(top.code) ?? ''}` : '';
    out.push(
      `  ${(names.get(d.code) ?? d.code).padEnd(12)} ${t.cost} ${formatScore(d.cost, lang).padStart(6)} ${t.points} (${t.score.toLowerCase()} ${d.score === null ? '-' : formatScore(d.score, lang)})${topText}`,
    );
    for (const v of d.variables) {
      out.push(`      ${(names.get(`${d.code}.${v.code}`) ?? v.code).padEnd(34)} −${formatScore(v.cost, lang)}`);
    }
  }
  out.push(`${t.costliest}:`);
  for (const c of e.costliest.slice(0, 5)) {
    if (c.cost <= 0) break;
    out.push(`  ${c.code.padEnd(11)} −${formatScore(c.cost, lang).padEnd(6)} ${names.get(c.code) ?? ''}`);
  }
  out.push(`${t.units}:`);
  for (const u of x.units) {
    out.push(
      `  ${u.name.padEnd(40)} ${u.result.score === null ? '-' : formatScore(u.result.score, lang)}${u.result.complete ? '' : ` (${u.result.completeness.answered}/${u.result.completeness.required})`}`,
    );
  }
  return out.join('\n');
}
