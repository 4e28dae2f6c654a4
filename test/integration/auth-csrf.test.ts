/** CSRF on cookie sessions, bearer exemption, and the server's defences: headers, limits, one error shape. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { createToken } from '../../src/services/auth/manage-tokens.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { csrfTokenFor } from '../../src/services/auth/secrets.ts';
import { buildWorld, json, multipart, send, signIn, type World } from '../helpers/api.ts';

let w: World;
let centralToken: string;
beforeAll(async () => {
  w = await buildWorld();
  centralToken = (await createToken(w.t.ctx, SYSTEM, { name: 'ci', ownerId: w.users.central.id })).token;
});
afterAll(async () => w?.close());

const newCycle = (year: number) => ({ year, edition: 'pemda-2023', bandScheme: 'categories-2022' });

describe('CSRF', () => {
  it('refuses a state-changing request made with the session cookie but without the header', async () => {
    const cookies = w.auth.central?.cookies;
    const res = await w.app.inject({ method: 'POST', url: '/api/v1/cycles', cookies, payload: newCycle(2060) });
    expect(res.statusCode).toBe(403);
    expect(json(res)).toEqual({ error: { code: 'CSRF_FAILED', message: expect.any(String), details: null } });
  });

  it('refuses a wrong header, and a header matching a cookie another site planted', async () => {
    const cookies = w.auth.central?.cookies ?? {};
    const wrong = await w.app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      cookies,
      headers: { 'x-csrf-token': 'x'.repeat(43) },
      payload: newCycle(2061),
    });
    expect(wrong.statusCode).toBe(403);
    const planted = csrfTokenFor('an attacker session of their own');
    const tossed = await w.app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      cookies: { ...cookies, patuh_csrf: planted },
      headers: { 'x-csrf-token': planted },
      payload: newCycle(2061),
    });
    expect(tossed.statusCode).toBe(403);
  });

  it('accepts the header equal to the cookie of the session', async () => {
    const res = await send(w.app, w.auth.central, { method: 'POST', url: '/api/v1/cycles', body: newCycle(2062) });
    expect(res.statusCode).toBe(201);
  });

  it('checks PATCH, DELETE and multipart uploads too, but not GET', async () => {
    const cookies = w.auth.admin?.cookies;
    for (const [method, url] of [
      ['PATCH', `/api/v1/users/${w.users.central.id}`],
      ['DELETE', '/api/v1/tokens/1'],
    ] as const) {
      expect((await w.app.inject({ method, url, cookies, payload: { name: 'x' } })).statusCode).toBe(403);
    }
    const m = multipart('a.csv', 'entity,score\nKota Bogor,70\n');
    const upload = await w.app.inject({ method: 'POST', url: '/api/v1/cycles/2022/imports/results', cookies, ...m });
    expect(json(upload).error.code).toBe('CSRF_FAILED');
    expect((await w.app.inject({ method: 'GET', url: '/api/v1/users', cookies })).statusCode).toBe(200);
  });

  it('does not ask bearer-token clients for it', async () => {
    const res = await send(
      w.app,
      { bearer: centralToken },
      { method: 'POST', url: '/api/v1/cycles', body: newCycle(2063) },
    );
    expect(res.statusCode).toBe(201);
  });

  it('does not ask for it to sign in, and a new sign-in replaces the old session', async () => {
    const old = await signIn(w.app, 'central@test.id');
    const again = await w.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      cookies: old.cookies,
      payload: { email: 'central@test.id', password: 'password-for-tests' },
    });
    expect(again.statusCode).toBe(200);
    expect((await send(w.app, old, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });
});

describe('API tokens in the Authorization header', () => {
  it('refuses an unknown, malformed or revoked token with 401, never as the public', async () => {
    for (const authorization of ['Bearer patuh_unknownunknownunknownunknown', 'Bearer nonsense', 'Basic abc']) {
      const res = await w.app.inject({ method: 'GET', url: '/api/v1/cycles', headers: { authorization } });
      expect(res.statusCode).toBe(401);
    }
  });
});

describe('defences', () => {
  it('sends the security headers with a real CSP and a request id', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/v1/health' });
    const csp = String(res.headers['content-security-policy']);
    for (const d of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(d);
    }
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers malformed JSON with 400 MALFORMED_REQUEST and a bad field with 400 VALIDATION_FAILED', async () => {
    const bad = await send(w.app, w.auth.central, {
      method: 'POST',
      url: '/api/v1/cycles',
      body: '{"year": 20',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.code).toBe('MALFORMED_REQUEST');
    const invalid = await send(w.app, w.auth.central, {
      method: 'POST',
      url: '/api/v1/cycles',
      body: { year: 'soon', edition: 1 },
    });
    expect(invalid.statusCode).toBe(400);
    const e = json(invalid).error;
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['year', 'edition', 'bandScheme']),
    );
    const query = await send(w.app, null, { method: 'GET', url: '/api/v1/cycles/2022/results?pageSize=501' });
    expect(json(query).error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a JSON body over 1 MiB with 413', async () => {
    const big = JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1024 * 1024) });
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(413);
    expect(json(res).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses an upload over the configured limit with 413', async () => {
    const app = await buildServer(w.t.ctx, { logLevel: 'silent', webDist: null, uploadLimitBytes: 1024 });
    const content = `entity,score\n${'Kota Bogor,70\n'.repeat(200)}`;
    const res = await send(
      app,
      { bearer: centralToken },
      { method: 'POST', url: '/api/v1/cycles/2022/imports/results', upload: { filename: 'big.csv', content } },
    );
    await app.close();
    expect(res.statusCode).toBe(413);
    expect(json(res).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves the built web app with client-side routes falling back to index.html', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'patuh-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Patuh</title>');
    writeFileSync(path.join(dist, 'assets', 'app-1a2b.js'), 'console.log(1)');
    const app = await buildServer(w.t.ctx, { logLevel: 'silent', webDist: dist });
    const page = await app.inject({ method: 'GET', url: `/cycles/2022/entities/32.75` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Patuh</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await app.inject({ method: 'GET', url: '/' })).body).toContain('<title>Patuh</title>');
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ method: 'GET', url: '/assets/gone.js' })).statusCode).toBe(404);
    const api = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(json(api).error.code).toBe('NOT_FOUND');
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers an unknown API route with 404 in the same shape', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(json(res).error.code).toBe('NOT_FOUND');
  });
});
