/**
 * The authorization matrix's rows for report cards and certificates as PDFs;
 * authz-matrix.test.ts spreads them into its CASES. No fixtures of their own: the
 * published 2022 (X Kota Bekasi in the green zone, Y Kota Kendari in the yellow), the
 * draft 2031 (a result for X) and the final 2036 (results for X and Y, made by
 * prepareFollowUpFixtures). The matrix's assessor is assigned to X in 2022 and 2031
 * only (authz-matrix-fieldwork.ts).
 *
 * The public routes answer everyone as the public; the signed-in report card is
 * allowed exactly where the entity's result page is (GET …/entities/:code/result).
 */
import { type Call, type Who, X, Y } from '../helpers/api.ts';
import { all, type Row, row } from '../helpers/matrix.ts';

export interface ReportsCase {
  route: string;
  note?: string;
  call: (who: Who) => Call;
  expect: Row;
}

const get = (url: string) => () => ({ method: 'GET', url }) as Call;
const FINAL_YEAR = 2036;

export const REPORTS_CASES: ReportsCase[] = [
  //                                                                                adm  cen  head ass  off  anon tok
  {
    route: 'GET /api/v1/public/cycles/:year/entities/:code/report-card.pdf',
    note: 'Y in the published cycle: public, for the official of X too',
    call: get(`/api/v1/public/cycles/2022/entities/${Y}/report-card.pdf`),
    expect: all(200),
  },
  {
    route: 'GET /api/v1/public/cycles/:year/entities/:code/report-card.pdf',
    note: 'X in the final cycle: not published, so not there, even for staff and X’s official',
    call: get(`/api/v1/public/cycles/${FINAL_YEAR}/entities/${X}/report-card.pdf`),
    expect: all(404),
  },
  {
    route: 'GET /api/v1/public/cycles/:year/entities/:code/certificate.pdf',
    note: 'X in the green zone',
    call: get(`/api/v1/public/cycles/2022/entities/${X}/certificate.pdf`),
    expect: all(200),
  },
  {
    route: 'GET /api/v1/public/cycles/:year/entities/:code/certificate.pdf',
    note: 'Y outside the green zone: NOT_ELIGIBLE for everyone',
    call: get(`/api/v1/public/cycles/2022/entities/${Y}/certificate.pdf`),
    expect: all(422),
  },
  {
    route: 'GET /api/v1/cycles/:year/entities/:code/report-card.pdf',
    note: 'own entity X, published',
    call: get(`/api/v1/cycles/2022/entities/${X}/report-card.pdf`),
    expect: all(200),
  },
  {
    route: 'GET /api/v1/cycles/:year/entities/:code/report-card.pdf',
    note: 'X in the final cycle: its official and staff (the assessor is not assigned there), not the public',
    call: get(`/api/v1/cycles/${FINAL_YEAR}/entities/${X}/report-card.pdf`),
    expect: row(200, 200, 200, 403, 200, 404, 200),
  },
  {
    route: 'GET /api/v1/cycles/:year/entities/:code/report-card.pdf',
    note: 'Y in the final cycle: office A forbidden, the official of X not found',
    call: get(`/api/v1/cycles/${FINAL_YEAR}/entities/${Y}/report-card.pdf`),
    expect: row(200, 200, 403, 403, 404, 404, 403),
  },
  {
    route: 'GET /api/v1/cycles/:year/entities/:code/report-card.pdf',
    note: 'X in the draft cycle: invisible to its official and the public',
    call: get(`/api/v1/cycles/2031/entities/${X}/report-card.pdf`),
    expect: row(200, 200, 200, 200, 404, 404, 200),
  },
];
