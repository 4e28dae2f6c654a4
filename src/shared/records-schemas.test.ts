import { describe, expect, it } from 'vitest';
import { EVIDENCE_MEDIA_TYPES as SERVER_TYPES } from '../domain/evidence/media-type.ts';
import { SUBJECT } from '../services/subject-access.ts';
import { auditQuery, EVIDENCE_MEDIA_TYPES, evidenceUploadFields, subjectText } from './records-schemas.ts';

describe('the shared records schemas', () => {
  it('use the server’s media types and subject form', () => {
    expect(EVIDENCE_MEDIA_TYPES).toEqual(SERVER_TYPES);
    for (const s of [
      'unit:431',
      'submission:0b5c9b8e-1c1f-4a4e-9d8e-0a1b2c3d4e5f',
      'followup:7',
      'Unit:1',
      'unit:',
      'unit: 1',
      ':1',
    ]) {
      expect(subjectText.safeParse(s).success).toBe(SUBJECT.test(s));
    }
  });

  it('want a subject for an item, and a subject for the audit history', () => {
    expect(evidenceUploadFields.safeParse({ item: 'PR.STD.01' }).success).toBe(false);
    expect(evidenceUploadFields.safeParse({ subject: 'unit:1', item: 'PR.STD.01' }).success).toBe(true);
    expect(evidenceUploadFields.safeParse({ subject: 'unit:1', other: 'x' }).success).toBe(false);
    expect(auditQuery.safeParse({}).success).toBe(false);
    expect(auditQuery.parse({ subject: 'cycle:2025' })).toEqual({ subject: 'cycle:2025', page: 1, pageSize: 50 });
  });
});
