/**
 * The certificate (piagam penghargaan) goes to the results whose band is an award:
 * up to 2024 the green zone (categories A and B from 2022, zona hijau up to 2021);
 * from 2025 only "Kualitas Tertinggi", with or without "Tanpa Maladministrasi"
 * (the band scheme says so: domain/scoring/bands.ts isAwardBand). From 2023 the
 * Ombudsman may withhold the report card and the certificate until its supervision
 * products are carried out; the score stands. A single unit can receive one by its
 * own score.
 */
import type { LocalText, Zone } from '../instrument/schema.ts';
import type { CardResult } from './card.ts';

export interface AwardState {
  eligible: boolean;
  withheld: { reason: string; since: string } | null;
}

export function qualifiesForCertificate(result: { award: { eligible: boolean } }): boolean {
  return result.award.eligible;
}

/** Whether a certificate can be issued now: an award band, and not withheld (the page offers it only then). */
export function mayIssueCertificate(result: { award: { eligible: boolean; withheld: unknown } }): boolean {
  return result.award.eligible && result.award.withheld === null;
}

export interface CertificateModel {
  year: number;
  entity: CardResult['entity'];
  /** a single unit's certificate: the unit's name; null for the entity's */
  unit: string | null;
  score: number;
  category: string | null;
  opinion: string;
  zone: Zone | null;
  synthetic: boolean;
}

export type CertificateDecision = { ok: true; model: CertificateModel } | { ok: false; reason: string };

export function decideCertificate(
  year: number,
  r: Pick<CardResult, 'entity' | 'score' | 'category' | 'synthetic' | 'zone'> & {
    opinionText: LocalText;
    award: AwardState;
  },
  unit: string | null = null,
): CertificateDecision {
  const who = unit === null ? r.entity.name : `${unit} (${r.entity.name})`;
  if (!qualifiesForCertificate(r)) {
    const category = r.category === null ? '' : `category ${r.category}, `;
    const where = r.zone === null ? '' : `in the ${r.zone} zone `;
    return {
      ok: false,
      reason: `${who} is ${where}in ${year} (${category}${r.opinionText.id}); a certificate (piagam penghargaan) is given only to an award band (up to 2024 the green zone, categories A and B; from 2025 Kualitas Tertinggi)`,
    };
  }
  if (r.award.withheld) {
    return {
      ok: false,
      reason: `the certificate of ${who} for ${year} is withheld (ditahan) until the Ombudsman's supervision products are carried out: ${r.award.withheld.reason}`,
    };
  }
  return {
    ok: true,
    model: {
      year,
      entity: r.entity,
      unit,
      score: r.score,
      category: r.category,
      opinion: r.opinionText.id,
      zone: r.zone,
      synthetic: r.synthetic,
    },
  };
}
