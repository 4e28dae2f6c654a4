/** The objection inbox's query (GET /api/v1/cycles/:year/objections); the answer is follow-up-schemas.ts ObjectionView[]. */
import { z } from 'zod';
import { OBJECTION_STATUSES } from './follow-up-schemas.ts';

export const inboxQuery = z.object({ status: z.enum(OBJECTION_STATUSES).optional() });
export type InboxQuery = z.input<typeof inboxQuery>;
