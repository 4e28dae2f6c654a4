/**
 * The authorization matrix's own rows (auth, cycles, results, registry, users and
 * tokens, imports): authz-matrix.test.ts spreads them with the other areas' rows into
 * its CASES. The ids are filled by the test's fixtures before any row is called.
 */
import { expect } from 'vitest';
import type { OfficeView, ResultView } from '../../src/shared/api-schemas.ts';
import { A, type Call, PASSWORD, WHO, type Who, X, Y, Z } from '../helpers/api.ts';
import { all, type Row, row } from '../helpers/matrix.ts';

export interface Case {
  /** the registered route this case exercises: "METHOD /pattern" */
  route: string;
  note?: string;
  call: (who: Who) => Call;
  expect: Row;
  /** for a 2xx answer: what the caller must not see */
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body, asserted by the check
  check?: (who: Who, body: any) => void;
  /** a fresh session for this case (it signs out) */
  fresh?: boolean;
}

export const ids = {
  unitX22: 0,
  unitY22: 0,
  unitX31: 0,
  unitY31: 0,
  spareUser: 0,
  spareTokens: {} as Record<Who, number>,
};
export const ANSWERS_2031 = (unit: string) =>
  `entity,unit,indicator,respondent,value\nKota Bekasi,${unit},PR.STD.01,P1,2\n`;

/** Results and entities an office-A or entity-X caller gets must stay inside A or X. */
function inScope(who: Who, entities: Array<{ code: string; provinceCode: string | null }>): void {
  if (who === 'office_head' || who === 'assessor' || who === 'token') {
    for (const e of entities) expect(e.provinceCode).toBe(A);
  }
  if (who === 'entity_official') for (const e of entities) expect(e.code).toBe(X);
}

const get = (url: string) => () => ({ method: 'GET', url }) as Call;

export const CORE_CASES: Case[] = [
  //                                                                                adm  cen  head ass  off  anon tok
  { route: 'GET /api/v1/health', call: get('/api/v1/health'), expect: all(200) },
  { route: 'GET /api/openapi.json', call: get('/api/openapi.json'), expect: all(200) },
  { route: 'GET /api/docs', call: get('/api/docs'), expect: all(200) },
  { route: 'GET /api/docs/json', call: get('/api/docs/json'), expect: all(200) },
  { route: 'GET /api/docs/yaml', call: get('/api/docs/yaml'), expect: all(200) },
  { route: 'GET /api/docs/static/index.html', call: get('/api/docs/static/index.html'), expect: all(302) },
  {
    route: 'GET /api/docs/static/swagger-initializer.js',
    call: get('/api/docs/static/swagger-initializer.js'),
    expect: all(200),
  },
  { route: 'GET /api/docs/static/*', call: get('/api/docs/static/swagger-ui.css'), expect: all(200) },

  {
    route: 'POST /api/v1/auth/login',
    note: 'wrong credentials are refused for everyone',
    call: (w) => ({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: `nobody-${w}@test.id`, password: 'wrong-password' },
    }),
    expect: all(401),
  },
  { route: 'GET /api/v1/auth/me', call: get('/api/v1/auth/me'), expect: row(200, 200, 200, 200, 200, 401, 200) },

  {
    route: 'GET /api/v1/cycles',
    call: get('/api/v1/cycles'),
    expect: all(200),
    check: (w, b) => {
      const years = b.data.map((c: { year: number }) => c.year);
      expect(years.includes(2031)).toBe(!(w === 'entity_official' || w === 'anonymous'));
    },
  },
  {
    route: 'POST /api/v1/cycles',
    call: (w) => ({
      method: 'POST',
      url: '/api/v1/cycles',
      body: { year: 2040 + WHO.indexOf(w), edition: 'pemda-2023', bandScheme: 'categories-2022' },
    }),
    expect: row(201, 201, 403, 403, 403, 401, 403),
  },
  {
    route: 'POST /api/v1/cycles/:year/transition',
    call: (w) => ({
      method: 'POST',
      url: `/api/v1/cycles/${w === 'admin' ? 2050 : w === 'central' ? 2051 : 2031}/transition`,
      body: { to: 'fieldwork' },
    }),
    expect: row(200, 200, 403, 403, 403, 401, 403),
  },

  {
    route: 'GET /api/v1/cycles/:year/results',
    note: 'published 2022: everyone, within scope',
    call: get('/api/v1/cycles/2022/results?pageSize=500'),
    expect: all(200),
    check: (w, b) => {
      inScope(
        w,
        b.data.map((r: ResultView) => r.entity),
      );
      expect(b.data.length).toBeGreaterThan(0);
    },
  },
  {
    route: 'GET /api/v1/cycles/:year/results',
    note: 'draft 2031: staff only',
    call: get('/api/v1/cycles/2031/results'),
    expect: row(200, 200, 200, 200, 404, 404, 200),
    check: (w, b) =>
      inScope(
        w,
        b.data.map((r: ResultView) => r.entity),
      ),
  },
  {
    route: 'GET /api/v1/cycles/:year/results',
    note: 'one entity by name: the official of X asking for Y gets an empty list',
    call: get('/api/v1/cycles/2022/results?entity=Kota%20Kendari'),
    expect: all(200),
    check: (w, b) =>
      expect(b.data.length).toBe(['office_head', 'assessor', 'token', 'entity_official'].includes(w) ? 0 : 1),
  },

  {
    route: 'GET /api/v1/cycles/:year/instrument',
    note: 'published 2022: everyone',
    call: get('/api/v1/cycles/2022/instrument'),
    expect: all(200),
    check: (_w, b) => expect(b.data.instrument.dimensions[0].variables[0].indicators[0].scale).toHaveLength(4),
  },
  {
    route: 'GET /api/v1/cycles/:year/instrument',
    note: 'draft 2031: staff only',
    call: get('/api/v1/cycles/2031/instrument'),
    expect: row(200, 200, 200, 200, 404, 404, 200),
  },

  {
    route: 'GET /api/v1/cycles/:year/entities/:code/result',
    note: 'own entity X',
    call: get(`/api/v1/cycles/2022/entities/${X}/result`),
    expect: all(200),
  },
  {
    route: 'GET /api/v1/cycles/:year/entities/:code/result',
    note: 'Y, another province: office A forbidden, official of X not found',
    call: get(`/api/v1/cycles/2022/entities/${Y}/result`),
    expect: row(200, 200, 403, 403, 404, 200, 403),
  },
  {
    route: 'GET /api/v1/cycles/:year/entities/:code/result',
    note: 'Z, same province as X: office A sees it (published: the assessor keeps its province), the official of X does not',
    call: get(`/api/v1/cycles/2022/entities/${Z}/result`),
    expect: row(200, 200, 200, 200, 404, 200, 200),
  },
  {
    route: 'GET /api/v1/cycles/:year/entities/:code/result',
    note: 'X in the draft cycle: invisible to its official and the public',
    call: get(`/api/v1/cycles/2031/entities/${X}/result`),
    expect: row(200, 200, 200, 200, 404, 404, 200),
  },
  {
    route: 'GET /api/v1/cycles/:year/entities/:code/result',
    note: 'an unknown code',
    call: get('/api/v1/cycles/2022/entities/99.99/result'),
    expect: all(404),
  },

  {
    route: 'GET /api/v1/cycles/:year/units/:unitId',
    note: 'a unit of X',
    call: () => get(`/api/v1/cycles/2022/units/${ids.unitX22}`)(),
    expect: all(200),
  },
  {
    route: 'GET /api/v1/cycles/:year/units/:unitId',
    note: 'a unit of Y',
    call: () => get(`/api/v1/cycles/2022/units/${ids.unitY22}`)(),
    expect: row(200, 200, 403, 403, 404, 200, 403),
  },
  {
    route: 'GET /api/v1/cycles/:year/units/:unitId',
    note: 'a unit of X in the draft cycle',
    call: () => get(`/api/v1/cycles/2031/units/${ids.unitX31}`)(),
    expect: row(200, 200, 200, 200, 404, 404, 200),
  },
  {
    route: 'GET /api/v1/cycles/:year/units/:unitId',
    note: 'a unit id asked for under the wrong cycle',
    call: () => get(`/api/v1/cycles/2022/units/${ids.unitX31}`)(),
    expect: all(404),
  },

  {
    route: 'GET /api/v1/entities',
    call: get('/api/v1/entities?pageSize=500'),
    expect: row(200, 200, 200, 200, 200, 401, 200),
    check: (w, b) => inScope(w, b.data),
  },
  {
    route: 'GET /api/v1/offices',
    call: get('/api/v1/offices'),
    expect: row(200, 200, 200, 200, 403, 401, 200),
    check: (w, b) => {
      if (w === 'office_head' || w === 'assessor' || w === 'token')
        expect(b.data.map((o: OfficeView) => o.provinceCode)).toEqual([A]);
    },
  },

  // the public dashboard: everyone is answered as the public (published cycles, every entity)
  { route: 'GET /api/v1/instruments', call: get('/api/v1/instruments'), expect: all(200) },
  {
    route: 'GET /api/v1/public/cycles',
    call: get('/api/v1/public/cycles'),
    expect: all(200),
    check: (_w, b) => expect(b.data.map((c: { year: number }) => c.year)).not.toContain(2031),
  },
  {
    route: 'GET /api/v1/public/cycles/:year/summary',
    note: 'published 2022',
    call: get('/api/v1/public/cycles/2022/summary'),
    expect: all(200),
  },
  {
    route: 'GET /api/v1/public/cycles/:year/summary',
    note: 'draft 2031: not there, even for staff',
    call: get('/api/v1/public/cycles/2031/summary'),
    expect: all(404),
  },
  {
    route: 'GET /api/v1/public/cycles/:year/rankings',
    call: get('/api/v1/public/cycles/2022/rankings?kind=province'),
    expect: all(200),
  },
  {
    route: 'GET /api/v1/public/cycles/:year/entities',
    call: get('/api/v1/public/cycles/2022/entities?q=kota'),
    expect: all(200),
    check: (_w, b) => expect(b.data.length).toBe(3),
  },
  {
    route: 'GET /api/v1/public/cycles/:year/entities/:code',
    note: 'Y in the published cycle: public data, for the official of X too',
    call: get(`/api/v1/public/cycles/2022/entities/${Y}`),
    expect: all(200),
  },
  {
    route: 'GET /api/v1/public/cycles/:year/entities/:code',
    note: 'X in the draft cycle',
    call: get(`/api/v1/public/cycles/2031/entities/${X}`),
    expect: all(404),
  },
  {
    route: 'GET /api/v1/public/cycles/:year/export.:format',
    call: get('/api/v1/public/cycles/2022/export.csv'),
    expect: all(200),
  },
  {
    route: 'GET /api/v1/public/cycles/:year/export.:format',
    note: 'draft 2031',
    call: get('/api/v1/public/cycles/2031/export.json?level=unit'),
    expect: all(404),
  },

  {
    route: 'GET /api/v1/cycles/:year/objections',
    note: 'the inbox of the 2036 cycle (final, objections on X and Y): each caller sees its scope only',
    call: get('/api/v1/cycles/2036/objections'),
    expect: row(200, 200, 200, 200, 200, 401, 200),
    check: (w, b) => {
      const codes = new Set(b.data.map((o: { entity: { code: string } }) => o.entity.code));
      expect([...codes].sort()).toEqual(w === 'admin' || w === 'central' ? [X, Y] : [X]);
    },
  },

  {
    route: 'GET /api/v1/cycles/:year/entities/:code/units',
    note: 'X',
    call: get(`/api/v1/cycles/2022/entities/${X}/units`),
    expect: row(200, 200, 200, 200, 403, 401, 200),
  },
  {
    route: 'GET /api/v1/cycles/:year/entities/:code/units',
    note: 'Y, another province',
    call: get(`/api/v1/cycles/2022/entities/${Y}/units`),
    expect: row(200, 200, 403, 403, 403, 401, 403),
  },
  {
    route: 'POST /api/v1/cycles/:year/entities/:code/units',
    note: 'X in the open (draft) cycle',
    call: (w) => ({ method: 'POST', url: `/api/v1/cycles/2031/entities/${X}/units`, body: { name: `Unit of ${w}` } }),
    expect: row(201, 201, 201, 403, 403, 401, 201),
  },
  {
    route: 'POST /api/v1/cycles/:year/entities/:code/units',
    note: 'Y, another province',
    call: (w) => ({ method: 'POST', url: `/api/v1/cycles/2031/entities/${Y}/units`, body: { name: `Unit of ${w}` } }),
    expect: row(201, 201, 403, 403, 403, 401, 403),
  },
  {
    route: 'POST /api/v1/cycles/:year/entities/:code/units',
    note: 'X in the published cycle: locked for the office',
    call: (w) => ({
      method: 'POST',
      url: `/api/v1/cycles/2022/entities/${X}/units`,
      body: { name: `Late unit of ${w}` },
    }),
    expect: row(201, 201, 409, 403, 403, 401, 409),
  },
  {
    route: 'PATCH /api/v1/units/:id',
    note: 'a unit of X',
    call: (w) => ({ method: 'PATCH', url: `/api/v1/units/${ids.unitX31}`, body: { name: `Renamed by ${w}` } }),
    expect: row(200, 200, 200, 403, 403, 401, 200),
  },
  {
    route: 'PATCH /api/v1/units/:id',
    note: 'a unit of Y',
    call: (w) => ({ method: 'PATCH', url: `/api/v1/units/${ids.unitY31}`, body: { name: `Renamed by ${w}` } }),
    expect: row(200, 200, 403, 403, 403, 401, 403),
  },

  { route: 'GET /api/v1/users', call: get('/api/v1/users'), expect: row(200, 403, 403, 403, 403, 401, 403) },
  {
    route: 'POST /api/v1/users',
    call: (w) => ({
      method: 'POST',
      url: '/api/v1/users',
      body: { email: `made-by-${w}@test.id`, role: 'central', password: PASSWORD },
    }),
    expect: row(201, 403, 403, 403, 403, 401, 403),
  },
  {
    route: 'PATCH /api/v1/users/:id',
    call: (w) => ({ method: 'PATCH', url: `/api/v1/users/${ids.spareUser}`, body: { name: `Named by ${w}` } }),
    expect: row(200, 403, 403, 403, 403, 401, 403),
  },
  {
    route: 'GET /api/v1/tokens',
    call: get('/api/v1/tokens'),
    expect: row(200, 200, 200, 200, 200, 401, 403),
    check: (w, b) => {
      for (const t of b.data) expect(t.token).toBeUndefined();
      if (w !== 'admin') for (const t of b.data) expect(t.createdBy.email).toBe(`${w}@test.id`);
    },
  },
  {
    route: 'POST /api/v1/tokens',
    call: (w) => ({ method: 'POST', url: '/api/v1/tokens', body: { name: `token of ${w}` } }),
    expect: row(201, 201, 201, 201, 201, 401, 403),
  },
  {
    route: 'DELETE /api/v1/tokens/:id',
    note: "someone else's token (the admin's): not found",
    call: (w) => ({ method: 'DELETE', url: `/api/v1/tokens/${ids.spareTokens[w]}` }),
    expect: row(204, 404, 404, 404, 404, 401, 403),
  },

  {
    route: 'POST /api/v1/cycles/:year/imports/answers',
    call: (w) => ({
      method: 'POST',
      url: '/api/v1/cycles/2031/imports/answers',
      upload: { filename: 'answers.csv', content: ANSWERS_2031(`Imported by ${w}`) },
    }),
    expect: row(200, 200, 403, 403, 403, 401, 403),
  },
  {
    route: 'POST /api/v1/cycles/:year/imports/results',
    call: () => ({
      method: 'POST',
      url: '/api/v1/cycles/2031/imports/results',
      upload: { filename: 'results.csv', content: 'entity,score\nKota Bogor,70\n' },
    }),
    expect: row(200, 200, 403, 403, 403, 401, 403),
  },
];

/** Signing out ends the session: these rows run last (the matrix keeps the order). */
export const LOGOUT_CASES: Case[] = [
  {
    route: 'POST /api/v1/auth/logout',
    call: () => ({ method: 'POST', url: '/api/v1/auth/logout' }),
    expect: row(204, 204, 204, 204, 204, 204, 403),
    fresh: true,
  },
  {
    route: 'POST /api/v1/auth/logout-all',
    call: () => ({ method: 'POST', url: '/api/v1/auth/logout-all' }),
    expect: row(200, 200, 200, 200, 200, 401, 403),
    fresh: true,
  },
];
