/**
 * The certificate (piagam penghargaan) goes to the entities in the green zone: in the
 * band scheme from 2022 that is categories A and B; in the zone-only scheme up to
 * 2021, zona hijau. The rule is on the zone, so it follows whatever scheme a cycle has.
 */
import type { Zone } from '../instrument/schema.ts';
import type { CardResult } from './card.ts';

export function qualifiesForCertificate(result: { zone: Zone }): boolean {
  return result.zone === 'hijau';
}

export interface CertificateModel {
  year: number;
  entity: CardResult['entity'];
  score: number;
  category: string | null;
  opinion: string;
  zone: Zone;
  synthetic: boolean;
}

export type CertificateDecision = { ok: true; model: CertificateModel } | { ok: false; reason: string };

export function decideCertificate(
  year: number,
  r: Pick<CardResult, 'entity' | 'score' | 'category' | 'opinionText' | 'zone' | 'synthetic'>,
): CertificateDecision {
  if (!qualifiesForCertificate(r)) {
    const category = r.category === null ? '' : `category ${r.category}, `;
    return {
      ok: false,
      reason: `${r.entity.name} is in the ${r.zone} zone in ${year} (${category}${r.opinionText.id}); a certificate (piagam penghargaan) is given only to entities in the green zone (hijau: categories A and B)`,
    };
  }
  return {
    ok: true,
    model: {
      year,
      entity: r.entity,
      score: r.score,
      category: r.category,
      opinion: r.opinionText.id,
      zone: r.zone,
      synthetic: r.synthetic,
    },
  };
}
