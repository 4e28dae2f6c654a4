/** The shape of a rule deciding whether a principal may see one kind of subject (subject-access.ts). */
import type { Database } from '../db/database.ts';
import type { Principal } from './auth/principal.ts';

/** Whether the principal may see the subject `${prefix}:${subjectId}`. Never throws for "no". */
export type SubjectPolicy = (principal: Principal, subjectId: string, db: Database) => Promise<boolean>;
