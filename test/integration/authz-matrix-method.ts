/**
 * The authorization matrix's rows for the 2025 method (issue 9 items 4–6): the
 * supervision product register and its import, public trust import, withheld awards,
 * and a province's vertical offices. The matrix's 2031 cycle is on pemda-2023, which
 * has neither a trust part nor vertical offices: staff get the 400 that says so.
 */

import { SYSTEM } from '../../src/services/auth/principal.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { addProduct } from '../../src/services/supervision/products.ts';
import type { Call, Who } from '../helpers/api.ts';
import { type Row, row } from '../helpers/matrix.ts';

export interface MethodCase {
  route: string;
  note?: string;
  call: (who: Who) => Call;
  expect: Row;
}

const fx = { product: 0 };

export async function prepareMethodFixtures(ctx: ServiceContext): Promise<void> {
  fx.product = (
    await addProduct(ctx, SYSTEM, {
      entity: 'Kota Bekasi',
      kind: 'lahp',
      number: 'LAHP-MATRIX',
      issuedOn: '2031-01-01',
      dueOn: '2031-03-01',
      status: 'proses',
    })
  ).id;
}

const product = (number: string, status = 'belum') => ({
  entity: 'Kota Bekasi',
  kind: 'lha',
  number,
  issuedOn: '2031-01-01',
  dueOn: '2031-02-01',
  status,
});

//                                                     adm  cen  head ass  off  anon tok
export const METHOD_CASES: MethodCase[] = [
  {
    route: 'GET /api/v1/supervision-products',
    call: () => ({ method: 'GET', url: '/api/v1/supervision-products?entity=Kota%20Bekasi' }),
    expect: row(200, 200, 403, 403, 403, 401, 403),
  },
  {
    route: 'POST /api/v1/supervision-products',
    call: (w) => ({ method: 'POST', url: '/api/v1/supervision-products', body: product(`LHA-${w}`) }),
    expect: row(201, 201, 403, 403, 403, 401, 403),
  },
  {
    route: 'PATCH /api/v1/supervision-products/:id',
    call: () => ({
      method: 'PATCH',
      url: `/api/v1/supervision-products/${fx.product}`,
      body: { ...product('LAHP-MATRIX', 'selesai'), kind: 'lahp' },
    }),
    expect: row(200, 200, 403, 403, 403, 401, 403),
  },
  {
    route: 'DELETE /api/v1/supervision-products/:id',
    note: 'an id that does not exist: staff learn that, no one else',
    call: () => ({ method: 'DELETE', url: '/api/v1/supervision-products/999999' }),
    expect: row(404, 404, 403, 403, 403, 401, 403),
  },
  {
    route: 'POST /api/v1/imports/products',
    call: () => ({
      method: 'POST',
      url: '/api/v1/imports/products',
      upload: {
        filename: 'products.csv',
        content:
          'entity,kind,number,issued_on,due_on,status\nKota Bekasi,Rekomendasi,R-1/2031,2031-01-01,2031-06-01,belum\n',
      },
    }),
    expect: row(200, 200, 403, 403, 403, 401, 403),
  },
  {
    route: 'POST /api/v1/cycles/:year/imports/trust',
    note: 'pemda-2023 has no public-trust part',
    call: () => ({
      method: 'POST',
      url: '/api/v1/cycles/2031/imports/trust',
      upload: { filename: 'trust.csv', content: 'entity,trust_score\nKota Bekasi,70\n' },
    }),
    expect: row(400, 400, 403, 403, 403, 401, 403),
  },
  {
    route: 'POST /api/v1/cycles/:year/award-holds',
    call: (w) => ({
      method: 'POST',
      url: '/api/v1/cycles/2031/award-holds',
      body: { entity: w === 'admin' ? 'Kota Bekasi' : 'Kota Bogor', reason: `withheld by ${w}` },
    }),
    expect: row(201, 201, 403, 403, 403, 401, 403),
  },
  {
    route: 'POST /api/v1/cycles/:year/award-holds/release',
    note: 'Kota Depok is not withheld',
    call: () => ({ method: 'POST', url: '/api/v1/cycles/2031/award-holds/release', body: { entity: 'Kota Depok' } }),
    expect: row(404, 404, 403, 403, 403, 401, 403),
  },
  {
    route: 'GET /api/v1/cycles/:year/vertical-offices',
    note: 'province A: its regional office may ask (pemda-2023 has no vertical offices: 400); an entity may not',
    call: () => ({ method: 'GET', url: '/api/v1/cycles/2031/vertical-offices?province=32' }),
    expect: row(400, 400, 400, 400, 403, 401, 400),
  },
  {
    route: 'GET /api/v1/cycles/:year/vertical-offices',
    note: 'province B: not for the office of A',
    call: () => ({ method: 'GET', url: '/api/v1/cycles/2031/vertical-offices?province=74' }),
    expect: row(400, 400, 403, 403, 403, 401, 403),
  },
];
