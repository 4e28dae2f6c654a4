/** Request shapes of the 2025 method's endpoints: supervision products, withheld awards, vertical offices. */
import { z } from 'zod';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written 2026-03-31');

export const productBody = z
  .object({
    entity: z.string().min(1).max(200),
    kind: z.enum(['lahp', 'lha', 'saran_penyempurnaan', 'rekomendasi']),
    number: z.string().min(1).max(200),
    issuedOn: date,
    dueOn: date,
    status: z.enum(['belum', 'proses', 'selesai']),
    evidenceHashes: z
      .array(z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 evidence hash'))
      .max(100)
      .optional(),
    note: z.string().max(2000).nullable().optional(),
  })
  .strict();
export type ProductBody = z.infer<typeof productBody>;

export const productQuery = z.object({ entity: z.string().min(1).max(200).optional() });

export const awardHoldBody = z
  .object({
    entity: z.string().min(1).max(200),
    unit: z.string().min(1).max(200).optional(),
    reason: z.string().trim().min(1, 'say why the award is withheld').max(2000),
  })
  .strict();

export const awardReleaseBody = z
  .object({ entity: z.string().min(1).max(200), unit: z.string().min(1).max(200).optional() })
  .strict();

export const verticalOfficesQuery = z.object({ province: z.string().regex(/^\d{2}$/, 'a province code such as 74') });
