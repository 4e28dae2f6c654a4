import { describe, expect, it } from 'vitest';
import {
  SUBMISSION_KINDS as SERVER_KINDS,
  SUBMISSION_STATUSES as SERVER_STATUSES,
} from '../domain/fieldwork/submission.ts';
import {
  createAssignmentBody,
  returnBody,
  SUBMISSION_KINDS,
  SUBMISSION_STATUSES,
  syncBody,
  syncSubmission,
} from './fieldwork-schemas.ts';

const sheet = {
  id: '0192f0c4-6f1e-7c4a-9d0e-3a1b2c3d4e5f',
  unitId: 4,
  kind: 'observation',
  items: [{ indicator: 'PR.STD.01', value: 2 }],
  clientCreatedAt: '2025-08-14T09:30:00+08:00',
};

describe('the fieldwork API schemas', () => {
  it('use the server’s vocabularies (the file itself may import only zod)', () => {
    expect(SUBMISSION_KINDS).toEqual(SERVER_KINDS);
    expect(SUBMISSION_STATUSES).toEqual(SERVER_STATUSES);
  });

  it('default a sheet’s respondent and base version, and refuse what does not fit', () => {
    expect(syncSubmission.parse(sheet)).toMatchObject({ respondent: '', baseVersion: 0 });
    expect(syncSubmission.safeParse({ ...sheet, id: 'x' }).success).toBe(false);
    expect(syncSubmission.safeParse({ ...sheet, items: [{ indicator: 'A', value: 101 }] }).success).toBe(false);
    expect(syncSubmission.safeParse({ ...sheet, items: [] }).success).toBe(false);
    expect(syncSubmission.safeParse({ ...sheet, respondent: 'R1; drop' }).success).toBe(false);
    expect(syncSubmission.safeParse({ ...sheet, extra: 1 }).success).toBe(false);
    expect(syncBody.safeParse({ submissions: Array.from({ length: 51 }, () => sheet) }).success).toBe(false);
  });

  it('need a comment to send back, and dates in order to assign', () => {
    expect(returnBody.safeParse({ comments: [] }).success).toBe(false);
    expect(returnBody.safeParse({ comments: [{ body: 'periksa' }] }).success).toBe(true);
    expect(
      createAssignmentBody.safeParse({ assessorId: 1, entity: '32.75', startsOn: '2025-09-02', endsOn: '2025-09-01' })
        .success,
    ).toBe(false);
  });
});
