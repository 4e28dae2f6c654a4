/**
 * The Opini Ombudsman RI (from 2025): the quality band plus the qualifier,
 * "Kualitas Tertinggi Tanpa Maladministrasi", "Kualitas Sedang", …, with the band's
 * quality word ("Baik", "Cukup", "Kurang"). Up to 2024 the opinion is the band's alone.
 * Whether it is an award is the band's (only "Kualitas Tertinggi" from 2025, with or
 * without the qualifier); the qualifier never makes an award of another band.
 */
import type { LocalText } from '../instrument/schema.ts';
import type { Banding } from './bands.ts';

export interface Opinion {
  /** the whole opinion: band opinion, then the qualifier when granted */
  text: LocalText;
  /** the band's opinion alone */
  band: LocalText;
  quality: LocalText | null;
  /** null when the edition has no qualifier (up to 2024) */
  withoutMaladministration: boolean | null;
  award: boolean;
}

export function opinionOf(
  banding: Pick<Banding, 'opinion' | 'quality' | 'award'>,
  qualifier: { text: LocalText; granted: boolean } | null,
): Opinion {
  const granted = qualifier?.granted === true;
  const text =
    granted && qualifier
      ? { id: `${banding.opinion.id} ${qualifier.text.id}`, en: `${banding.opinion.en} ${qualifier.text.en}` }
      : banding.opinion;
  return {
    text,
    band: banding.opinion,
    quality: banding.quality,
    withoutMaladministration: qualifier === null ? null : granted,
    award: banding.award,
  };
}
