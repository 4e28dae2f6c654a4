/** The authorization matrix's rows: an expected status per caller (test/integration/authz-matrix*.ts). */
import { WHO, type Who } from './api.ts';

export type Row = Record<Who, number>;

/** Expected statuses, in the order of the columns: admin, central, office_head (A), assessor (A), entity_official (X), anonymous, token (office head A). */
export const row = (...s: [number, number, number, number, number, number, number]): Row =>
  Object.fromEntries(WHO.map((w, i) => [w, s[i]])) as Row;

/** The same status for every caller. */
export const all = (s: number): Row => row(s, s, s, s, s, s, s);
