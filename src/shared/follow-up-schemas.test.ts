import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_STATUSES as SERVER_STATUSES } from '../domain/follow-up/follow-up.ts';
import { MAX_EVIDENCE as SERVER_MAX_EVIDENCE } from '../services/follow-up/evidence.ts';
import {
  acceptObjectionBody,
  FOLLOW_UP_STATUSES,
  MAX_EVIDENCE,
  mentoringBody,
  updateFollowUpBody,
} from './follow-up-schemas.ts';

describe('the follow-up and objection schemas', () => {
  it('use the server’s vocabularies', () => {
    expect(FOLLOW_UP_STATUSES).toEqual(SERVER_STATUSES);
    expect(MAX_EVIDENCE).toBe(SERVER_MAX_EVIDENCE);
  });

  it('check bodies', () => {
    expect(updateFollowUpBody.safeParse({ status: 'done', note: 'x', extra: 1 }).success).toBe(false);
    expect(updateFollowUpBody.safeParse({ status: 'done', note: 'x', dueDate: null }).success).toBe(true);
    expect(mentoringBody.parse({ date: '2023-02-14', topics: ['a'] }).attendees).toEqual([]);
    expect(mentoringBody.safeParse({ date: '14/02/2023', topics: ['a'] }).success).toBe(false);
    expect(acceptObjectionBody.safeParse({ answers: [{ respondent: '', value: 101 }], reason: 'x' }).success).toBe(
      false,
    );
    expect(acceptObjectionBody.safeParse({ answers: [{ respondent: '', value: null }], reason: 'x' }).success).toBe(
      true,
    );
  });
});
