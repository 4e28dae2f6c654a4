/**
 * The life of a cycle: draft → fieldwork → review → final → published, with two
 * ways back (review → fieldwork to send work back, final → review to reopen the
 * results before publication). Published is the end: published results are the
 * Ombudsman's decree. Who may make a move is policy (services/auth/policy.ts).
 */
export const CYCLE_STATUSES = ['draft', 'fieldwork', 'review', 'final', 'published'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

const MOVES: Readonly<Record<CycleStatus, readonly CycleStatus[]>> = {
  draft: ['fieldwork'],
  fieldwork: ['review'],
  review: ['final', 'fieldwork'],
  final: ['published', 'review'],
  published: [],
};

/** The statuses a cycle in `from` may move to. */
export function nextStatuses(from: CycleStatus): readonly CycleStatus[] {
  return MOVES[from];
}

export function canMove(from: CycleStatus, to: CycleStatus): boolean {
  return MOVES[from].includes(to);
}

/** While a cycle is being assessed its units and answers change; once final they are fixed. */
export function isOpenForFieldwork(status: CycleStatus): boolean {
  return status === 'draft' || status === 'fieldwork' || status === 'review';
}
