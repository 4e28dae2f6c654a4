/**
 * The authorization matrix's rows for evidence and the audit trail (issue 4 items 4
 * and 6), with their fixtures; authz-matrix.test.ts spreads them into its CASES and
 * calls prepareRecordsFixtures in its beforeAll (after the 2031 units exist).
 *
 * Fixtures: a PDF uploaded by the admin and linked to a unit of X (province A), and
 * one linked to a unit of Y (province B).
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { type Auth, type Call, json, send, type Who } from '../helpers/api.ts';
import { evidenceForm, pdf } from '../helpers/evidence.ts';
import { type Row, row } from '../helpers/matrix.ts';

export interface RecordsCase {
  route: string;
  note?: string;
  call: (who: Who) => Call;
  expect: Row;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body, asserted by the check
  check?: (who: Who, body: any) => void;
}

const fx = { unitX: 0, unitY: 0, shaX: '', shaY: '' };

async function uploadLinked(app: FastifyInstance, admin: Auth, content: Buffer, subject: string): Promise<string> {
  const f = evidenceForm(content, { fields: { subject } });
  const res = await send(app, admin, { method: 'POST', url: '/api/v1/evidence', body: f.body, headers: f.headers });
  expect(res.statusCode).toBe(201);
  return json(res).data.sha256;
}

export async function prepareRecordsFixtures(
  app: FastifyInstance,
  admin: Auth,
  units: { x: number; y: number },
): Promise<void> {
  fx.unitX = units.x;
  fx.unitY = units.y;
  fx.shaX = await uploadLinked(app, admin, pdf('matrix: unit of X'), `unit:${units.x}`);
  fx.shaY = await uploadLinked(app, admin, pdf('matrix: unit of Y'), `unit:${units.y}`);
}

const get = (url: () => string) => () => ({ method: 'GET', url: url() }) as Call;

export const RECORDS_CASES: RecordsCase[] = [
  //                                                                                adm  cen  head ass  off  anon tok
  {
    route: 'POST /api/v1/evidence',
    note: 'an unlinked PDF, different bytes per caller',
    call: (w) => ({
      method: 'POST',
      url: '/api/v1/evidence',
      upload: { filename: 'doc.pdf', content: `%PDF-1.4\n% uploaded by ${w}\n` },
    }),
    expect: row(201, 201, 201, 201, 201, 401, 201),
    check: (_w, b) => expect(b.data).toMatchObject({ mediaType: 'application/pdf' }),
  },
  {
    route: 'GET /api/v1/evidence/:sha256',
    note: 'linked to a unit of X (province A)',
    call: get(() => `/api/v1/evidence/${fx.shaX}`),
    expect: row(200, 200, 200, 200, 404, 401, 200),
  },
  {
    route: 'GET /api/v1/evidence/:sha256',
    note: 'linked to a unit of Y (province B): 404 across the province',
    call: get(() => `/api/v1/evidence/${fx.shaY}`),
    expect: row(200, 200, 404, 404, 404, 401, 404),
  },
  {
    route: 'GET /api/v1/audit',
    note: 'a unit of X',
    call: get(() => `/api/v1/audit?subject=unit:${fx.unitX}`),
    expect: row(200, 200, 200, 200, 403, 401, 200),
    check: (_w, b) => {
      expect(b.data.length).toBeGreaterThan(0);
      for (const e of b.data) expect(e.subject).toBe(`unit:${fx.unitX}`);
    },
  },
  {
    route: 'GET /api/v1/audit',
    note: 'a unit of Y, another province: 404, as for a unit that does not exist',
    call: get(() => `/api/v1/audit?subject=unit:${fx.unitY}`),
    expect: row(200, 200, 404, 404, 403, 401, 404),
  },
  {
    route: 'GET /api/v1/audit',
    note: 'a subject kind without a rule for office roles (a cycle)',
    call: get(() => '/api/v1/audit?subject=cycle:2031'),
    expect: row(200, 200, 403, 403, 403, 401, 403),
  },
];
