/**
 * Report cards and certificates over HTTP: the public PDFs of a published cycle carry
 * the numbers of cycleResults (checked by extracting the text), an unpublished cycle
 * is 404 as on every public route, a certificate outside the green zone is refused
 * with its reason, a repeat with If-None-Match is 304, and the signed-in report card
 * of a final cycle goes to whoever may see the entity's result there, no one else.
 * World: test/helpers/api.ts (X Kota Bekasi, green in 2022; Y Kota Kendari, yellow).
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatScore } from '../../src/domain/scoring/rounding.ts';
import { createUser } from '../../src/services/auth/create-user.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { importAnswers } from '../../src/services/imports/import-answers.ts';
import { createCycle } from '../../src/services/lifecycle/create-cycle.ts';
import { transitionCycle } from '../../src/services/lifecycle/transition-cycle.ts';
import { cycleResults, type EntityResultView } from '../../src/services/results/results.ts';
import { type Auth, buildWorld, json, PASSWORD, send, signIn, type World, X, Y } from '../helpers/api.ts';
import { csvFile } from '../helpers/files.ts';
import { pdfFlatText } from '../helpers/pdf-text.ts';

let w: World;
let officialY: Auth;
const FINAL = 2037;
const DRAFT = 2038;
const FILE_BASE: Record<string, string> = { [X]: '32.75-kota-bekasi', [Y]: '74.71-kota-kendari' };
const publicUrl = (year: number, code: string, doc: 'report-card' | 'certificate') =>
  `/api/v1/public/cycles/${year}/entities/${code}/${doc}.pdf`;
const signedInUrl = (year: number, code: string) => `/api/v1/cycles/${year}/entities/${code}/report-card.pdf`;
const get = (url: string, auth: Auth | null = null, headers: Record<string, string> = {}) =>
  send(w.app, auth, { method: 'GET', url, headers });

async function resultOf(year: number, code: string): Promise<EntityResultView> {
  const r = (await cycleResults(w.t.ctx, year)).results.find((x) => x.entity.code === code);
  if (!r) throw new Error(`${code} has no ${year} result`);
  return r;
}

function expectPdf(res: LightMyRequestResponse, fileName: string): string {
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['content-disposition']).toBe(`attachment; filename="${fileName}"`);
  expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  return pdfFlatText(res.rawPayload);
}

beforeAll(async () => {
  w = await buildWorld();
  const { ctx } = w.t;
  await createUser(ctx, SYSTEM, {
    email: 'official-y@test.id',
    role: 'entity_official',
    password: PASSWORD,
    entity: Y,
  });
  officialY = await signIn(w.app, 'official-y@test.id');
  // a cycle whose results went to the entities (final) but are not published, and a draft
  for (const year of [FINAL, DRAFT]) {
    await createCycle(ctx, SYSTEM, { year, edition: 'pemda-2023', bandScheme: 'categories-2022' });
    const rows = [['entity', 'unit', 'indicator', 'respondent', 'value']];
    for (const indicator of ['PR.STD.01', 'PR.STD.02', 'PGD.ADU.01'])
      rows.push(['Kota Bekasi', 'Dinas X', indicator, '', '2'], ['Kota Kendari', 'Dinas Y', indicator, '', '1']);
    await importAnswers(ctx, csvFile(rows, `reports-${year}`), year);
  }
  for (const to of ['fieldwork', 'review', 'final'] as const) await transitionCycle(ctx, SYSTEM, FINAL, to);
});
afterAll(async () => w?.close());

describe('public report card', () => {
  it('is a PDF with the score, category and opinion of cycleResults', async () => {
    for (const code of [X, Y]) {
      const r = await resultOf(2022, code);
      const text = expectPdf(await get(publicUrl(2022, code, 'report-card')), `${FILE_BASE[code]}-rapor-2022.pdf`);
      expect(text).toContain(`Instansi ${r.entity.name}`);
      expect(text).toContain(`Nilai ${formatScore(r.score, 'id')}`);
      expect(text).toContain(`Kategori ${r.category} — ${r.opinion}`);
      expect(text).toContain(`ZONA ${r.zone?.toUpperCase()}`);
      expect(text).not.toContain('DRAF');
    }
  });

  it('is cacheable by anyone: a repeat with its ETag is 304 without a body, another entity’s ETag is not', async () => {
    const first = await get(publicUrl(2022, X, 'report-card'), w.auth.admin);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(first.headers.vary ?? '').not.toMatch(/cookie/i);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
    // rendered again (another printing time), the same document
    const second = await get(publicUrl(2022, X, 'report-card'));
    expect(second.headers.etag).toBe(etag);
    const again = await get(publicUrl(2022, X, 'report-card'), null, { 'if-none-match': etag });
    expect([again.statusCode, again.body]).toEqual([304, '']);
    const bare = await get(publicUrl(2022, X, 'report-card'), null, { 'if-none-match': etag.slice(2) });
    expect(bare.statusCode).toBe(304);
    const other = await get(publicUrl(2022, Y, 'report-card'), null, { 'if-none-match': etag });
    expect(other.statusCode).toBe(200);
    expect(other.headers.etag).not.toBe(etag);
  });

  it('answers an unpublished cycle exactly like a year without a cycle, to the public and to an admin', async () => {
    for (const who of [null, w.auth.admin, w.auth.entity_official]) {
      for (const doc of ['report-card', 'certificate'] as const) {
        for (const year of [FINAL, DRAFT]) {
          const hidden = await get(publicUrl(year, X, doc), who);
          const none = await get(publicUrl(2099, X, doc), who);
          expect([hidden.statusCode, none.statusCode]).toEqual([404, 404]);
          expect(json(hidden).error.code).toBe('CYCLE_NOT_FOUND');
          expect(json(hidden).error.message.replace(String(year), '?')).toBe(
            json(none).error.message.replace('2099', '?'),
          );
          // the same as the result card of that cycle
          expect(json(hidden)).toEqual(json(await get(`/api/v1/public/cycles/${year}/entities/${X}`, who)));
        }
      }
    }
  });

  it('answers an unknown code like an entity without a result, as the result card does', async () => {
    const unknown = await get(publicUrl(2022, '99.99', 'report-card'));
    const noResult = await get(publicUrl(2022, '11.01', 'report-card'));
    expect([unknown.statusCode, noResult.statusCode]).toEqual([404, 404]);
    expect(json(noResult)).toEqual(json(await get('/api/v1/public/cycles/2022/entities/11.01')));
    expect(json(unknown).error.message.replace('99.99', '?')).toBe(json(noResult).error.message.replace('11.01', '?'));
  });
});

describe('public certificate', () => {
  it('is a PDF for an entity in the green zone', async () => {
    const r = await resultOf(2022, X);
    expect(r.zone).toBe('hijau');
    const res = await get(publicUrl(2022, X, 'certificate'));
    const text = expectPdf(res, '32.75-kota-bekasi-piagam-2022.pdf');
    expect(text).toContain('PIAGAM PENGHARGAAN');
    expect(text).toContain('diberikan kepada Kota Bekasi');
    expect(text).toContain(`Kategori ${r.category} — ${r.opinion}`);
    expect(text).toContain(`ZONA HIJAU · NILAI ${formatScore(r.score, 'id')}`);
    const again = await get(publicUrl(2022, X, 'certificate'), null, { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
    // the certificate and the report card are different documents
    expect(res.headers.etag).not.toBe((await get(publicUrl(2022, X, 'report-card'))).headers.etag);
  });

  it('is refused outside the green zone with NOT_ELIGIBLE and the reason', async () => {
    const r = await resultOf(2022, Y);
    expect(r.zone).not.toBe('hijau');
    const res = await get(publicUrl(2022, Y, 'certificate'));
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const { error } = json(res);
    expect(error.code).toBe('NOT_ELIGIBLE');
    expect(error.message).toMatch(
      new RegExp(`^Kota Kendari is in the ${r.zone} zone in 2022 \\(category ${r.category}, .*green zone`),
    );
    expect(error.details).toEqual({ zone: r.zone, category: r.category });
  });
});

describe('signed-in report card', () => {
  it('gives the entity’s own official its card of the final cycle, marked as a draft, with its numbers', async () => {
    const r = await resultOf(FINAL, X);
    const res = await get(signedInUrl(FINAL, X), w.auth.entity_official);
    const text = expectPdf(res, `32.75-kota-bekasi-rapor-${FINAL}.pdf`);
    expect(text).toContain(`Nilai ${formatScore(r.score, 'id')}`);
    expect(text).toContain(`Kategori ${r.category} — ${r.opinion}`);
    expect(text).toContain('DRAF — hasil siklus ini belum ditetapkan dan dipublikasikan');
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers.vary).toBe('Cookie, Authorization');
    const again = await get(signedInUrl(FINAL, X), w.auth.entity_official, {
      'if-none-match': String(res.headers.etag),
    });
    expect(again.statusCode).toBe(304);
    expect(expectPdf(await get(signedInUrl(FINAL, Y), officialY), `74.71-kota-kendari-rapor-${FINAL}.pdf`)).toContain(
      'Kota Kendari',
    );
  });

  it('refuses it to an official of another entity (as an unknown entity), another province’s office and the public', async () => {
    const other = await get(signedInUrl(FINAL, X), officialY);
    const unknown = await get(signedInUrl(FINAL, '99.99'), officialY);
    expect([other.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expect(json(other).error.code).toBe('NOT_FOUND');
    expect(json(other).error.message.replace(X, '?')).toBe(json(unknown).error.message.replace('99.99', '?'));
    expect(other.body).not.toContain('%PDF');

    const office = await get(signedInUrl(FINAL, Y), w.auth.office_head);
    expect([office.statusCode, json(office).error.code]).toEqual([403, 'FORBIDDEN']);
    const anonymous = await get(signedInUrl(FINAL, X));
    expect([anonymous.statusCode, json(anonymous).error.code]).toEqual([404, 'CYCLE_NOT_FOUND']);
    // the same decisions as the entity's result page
    for (const [auth, code] of [
      [officialY, X],
      [w.auth.office_head, Y],
      [null, X],
      [w.auth.entity_official, X],
    ] as const) {
      const page = await get(`/api/v1/cycles/${FINAL}/entities/${code}/result`, auth);
      expect((await get(signedInUrl(FINAL, code), auth)).statusCode).toBe(page.statusCode);
    }
  });
});

describe('the API description', () => {
  it('lists the three routes', async () => {
    const paths = Object.keys(json(await get('/api/openapi.json')).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/public/cycles/{year}/entities/{code}/report-card.pdf',
        '/api/v1/public/cycles/{year}/entities/{code}/certificate.pdf',
        '/api/v1/cycles/{year}/entities/{code}/report-card.pdf',
      ]),
    );
  });
});
