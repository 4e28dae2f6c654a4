/**
 * Verification (METHODOLOGY.md "The cycle", 4): submitted → verified (the regional
 * office) → validated (the central office). Either may send a submission back
 * (returned); the assessor fixes it and submits a new version, which starts again
 * at submitted. Central may also send back a validated submission: its validated
 * answers keep counting until a newer version is validated. Who may act is policy
 * (services/auth/policy.ts); which status an action starts from is here.
 */
import type { SubmissionStatus } from './submission.ts';

export type ReviewAction = 'verify' | 'validate' | 'return';

/** The status an action leads to from `from`, or null when it cannot be taken from there. */
export function reviewTarget(
  action: ReviewAction,
  from: SubmissionStatus,
  asCentral: boolean,
): SubmissionStatus | null {
  switch (action) {
    case 'verify':
      return from === 'submitted' ? 'verified' : null;
    case 'validate':
      return from === 'verified' ? 'validated' : null;
    case 'return':
      if (from === 'submitted' || from === 'verified') return 'returned';
      return from === 'validated' && asCentral ? 'returned' : null;
  }
}

/** The statuses an action may start from, for error messages. */
export function reviewSources(action: ReviewAction, asCentral: boolean): SubmissionStatus[] {
  const all: SubmissionStatus[] = ['submitted', 'verified', 'validated', 'returned'];
  return all.filter((s) => reviewTarget(action, s, asCentral) !== null);
}
