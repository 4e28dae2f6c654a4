/**
 * The API contract of the records behind fieldwork: evidence files and the audit
 * trail (docs/api.md "Evidence", "Audit"). Shared with the web app like api-schemas.ts;
 * imports nothing but zod and that file.
 */
import { z } from 'zod';
import { pageQuery } from './api-schemas.ts';

/** "<kind>:<id>": submission:<uuid>, followup:<id>, unit:<id>, cycle:<year> … */
export const subjectText = z
  .string()
  .trim()
  .regex(/^[a-z][a-z_-]*:\S{1,190}$/, 'a subject is kind:id, e.g. submission:0b5c… or unit:431');

export const sha256Params = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lower-case hex digits'),
});

/** The text fields that may accompany the multipart field "file". */
export const evidenceUploadFields = z
  .object({
    subject: subjectText.optional(),
    /** the item (indicator code) the evidence supports */
    item: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'an item is an indicator code such as PR.STD.01')
      .optional(),
  })
  .strict()
  .refine((f) => f.item === undefined || f.subject !== undefined, {
    message: 'an item needs a subject',
    path: ['item'],
  });

export const auditQuery = pageQuery.extend({ subject: subjectText });

export const EVIDENCE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

export interface EvidenceView {
  sha256: string;
  mediaType: (typeof EVIDENCE_MEDIA_TYPES)[number];
  size: number;
}

/** An audit entry as the API shows it; before and after are the JSON recorded. */
export interface AuditEntryView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

export type AuditQuery = z.input<typeof auditQuery>;
