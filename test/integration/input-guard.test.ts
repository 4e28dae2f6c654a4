/**
 * The causes that gave 500s across routes (issue 12, finding 6), each refused in its
 * one place with a 4xx that says what to fix: NUL bytes and lone surrogates anywhere
 * in the request (http/input-guard.ts), ids above int4 and dates that do not exist
 * (shared/scalars.ts), malformed multipart (http/multipart.ts). PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, json, send, type World } from '../helpers/api.ts';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(async () => w?.close());

const error = async (c: Parameters<typeof send>[2]) => {
  const res = await send(w.app, w.auth.admin, c);
  return { status: res.statusCode, ...json(res).error };
};

describe('hostile input is a 4xx that says what to fix', () => {
  it('refuses a NUL byte or a lone surrogate in the path, the query, a body value and a body key', async () => {
    expect(await error({ method: 'GET', url: '/api/v1/cycles/2022/entities/32%0075/result' })).toMatchObject({
      status: 400,
      code: 'MALFORMED_REQUEST',
      message: 'path code contains a NUL byte (\\u0000); remove it',
    });
    expect(await error({ method: 'GET', url: '/api/v1/entities?q=Kota%00' })).toMatchObject({
      status: 400,
      code: 'MALFORMED_REQUEST',
      details: { in: 'query', path: 'q' },
    });
    expect(await error({ method: 'POST', url: '/api/v1/tokens', body: { name: 'a\ud800b' } })).toMatchObject({
      status: 400,
      code: 'MALFORMED_REQUEST',
      details: { in: 'body', path: 'name' },
      message: expect.stringMatching(/lone surrogate/),
    });
    expect(await error({ method: 'POST', url: '/api/v1/tokens', body: { name: 'x', 'k\u0000': 1 } })).toMatchObject({
      status: 400,
      code: 'MALFORMED_REQUEST',
    });
  });

  it('refuses ids above 2147483647 before the database sees them', async () => {
    expect(await error({ method: 'GET', url: '/api/v1/objections/2147483648' })).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: 'id', message: 'at most 2147483647' }] },
    });
    expect(await error({ method: 'PATCH', url: '/api/v1/units/99999999999', body: { name: 'x' } })).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(await error({ method: 'GET', url: '/api/v1/users?page=99999999999' })).toMatchObject({ status: 400 });
  });

  it('refuses a date that does not exist', async () => {
    const e = await error({ method: 'PATCH', url: '/api/v1/follow-up/1', body: { dueDate: '2025-02-30' } });
    expect(e).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      details: {
        issues: expect.arrayContaining([{ path: 'dueDate', message: expect.stringMatching(/a date that exists/) }]),
      },
    });
  });

  it('refuses an import with a NUL byte in a cell, naming its row and column', async () => {
    const content = 'entity,unit,indicator,respondent,value\nKota Bekasi,Dinas\u0000X,PR.STD.01,,2\n';
    const e = await error({
      method: 'POST',
      url: '/api/v1/cycles/2022/imports/answers',
      upload: { filename: 'a.csv', content },
    });
    expect(e).toMatchObject({
      status: 422,
      code: 'IMPORT_REJECTED',
      details: { errors: [{ row: 2, column: 'unit', message: expect.stringMatching(/NUL byte/) }] },
    });
  });

  it('answers a multipart body it cannot read with 400 MALFORMED_REQUEST', async () => {
    const b = 'broken';
    const truncated = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nentity,score\n`;
    for (const url of ['/api/v1/cycles/2022/imports/results', '/api/v1/evidence']) {
      const e = await error({
        method: 'POST',
        url,
        body: truncated,
        headers: { 'content-type': `multipart/form-data; boundary=${b}` },
      });
      expect([url, e.status, e.code]).toEqual([url, 400, 'MALFORMED_REQUEST']);
      expect(e.message).toMatch(/multipart body could not be read/);
    }
  });
});
