/** Signing in and out: cookies, lockout, rate limits, sessions that end, secrets kept out of logs. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/db/repos/audit.ts';
import { buildServer } from '../../src/http/server.ts';
import { createUser } from '../../src/services/auth/create-user.ts';
import { createLoginGuard } from '../../src/services/auth/login.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { resetPassword } from '../../src/services/auth/update-user.ts';
import { buildWorld, cookiesOf, json, PASSWORD, send, signIn, type World } from '../helpers/api.ts';

let w: World;
const logs: string[] = [];
beforeAll(async () => {
  w = await buildWorld({ logLevel: 'trace', logStream: { write: (line) => void logs.push(line) } });
  for (const email of ['locked@test.id', 'gone@test.id', 'many@test.id']) {
    await createUser(w.t.ctx, SYSTEM, { email, role: 'central', password: PASSWORD });
  }
});
afterAll(async () => w?.close());

const login = (email: string, password: string, remoteAddress = '127.0.0.1') =>
  w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });

describe('sign-in', () => {
  it('sets an HttpOnly SameSite=Lax session cookie and a readable CSRF cookie, and says who signed in', async () => {
    const res = await login('Entity_Official@Test.ID', PASSWORD);
    expect(res.statusCode).toBe(200);
    const setCookie = [res.headers['set-cookie']].flat().join('\n');
    expect(setCookie).toMatch(/patuh_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    expect(setCookie).toMatch(/patuh_csrf=[^;]+; Path=\/; SameSite=Lax/);
    expect(setCookie).not.toMatch(/patuh_csrf=[^\n]*HttpOnly/);
    expect(setCookie).not.toContain('Secure');
    const body = json(res);
    expect(body.data.user).toEqual({
      id: w.users.entity_official.id,
      email: 'entity_official@test.id',
      name: 'entity_official',
      role: 'entity_official',
      entity: { code: '32.75', name: 'Kota Bekasi' },
      office: null,
    });
    expect(body.data.csrfToken).toBe(cookiesOf(res).patuh_csrf);
    expect(res.body).not.toContain(PASSWORD);
  });

  it('marks the cookies Secure when the request came over https (behind a trusted proxy)', async () => {
    const app = await buildServer(w.t.ctx, { logLevel: 'silent', webDist: null, trustProxy: ['127.0.0.1'] });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@test.id', password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    await app.close();
    expect(res.statusCode).toBe(200);
    for (const c of [res.headers['set-cookie']].flat()) expect(c).toContain('Secure');
  });

  it('shows an office role its office', async () => {
    const res = await send(w.app, w.auth.office_head, { method: 'GET', url: '/api/v1/auth/me' });
    expect(json(res).data.user.office).toEqual({ code: '32', name: 'Ombudsman RI Perwakilan Jawa Barat' });
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const wrong = await login('admin@test.id', 'not-the-password');
    const unknown = await login('nobody@test.id', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(json(wrong).error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks an account for 15 minutes after 5 failures in a row, and a new password unlocks it', async () => {
    for (let i = 0; i < 5; i++) expect((await login('locked@test.id', 'wrong-password')).statusCode).toBe(401);
    const locked = await login('locked@test.id', PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(json(locked).error.code).toBe('RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // an unknown email is treated the same way, so a lockout does not reveal an account
    for (let i = 0; i < 5; i++) await login('ghost@test.id', 'wrong-password');
    const ghost = await login('ghost@test.id', PASSWORD);
    expect(ghost.statusCode).toBe(429);
    expect(json(ghost).error.message).toBe(json(locked).error.message);

    const audit = await listAudit(w.t.ctx.db, {
      subject: `user:${(await w.t.ctx.db.selectFrom('users').select('id').where('email', '=', 'locked@test.id').executeTakeFirstOrThrow()).id}`,
    });
    expect(audit.map((a) => a.action)).toContain('auth.lockout');

    await resetPassword(w.t.ctx, SYSTEM, 'locked@test.id', 'a-brand-new-password');
    expect((await login('locked@test.id', 'a-brand-new-password')).statusCode).toBe(200);
  });

  it('limits sign-in attempts per network, across accounts', async () => {
    const app = await buildServer(w.t.ctx, {
      logLevel: 'silent',
      webDist: null,
      loginGuard: createLoginGuard({
        network: { max: 3, windowMs: 15 * 60_000, lockMs: 15 * 60_000, mode: 'lock' },
      }),
    });
    const attempt = (password: string, remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'many@test.id', password },
        remoteAddress,
      });
    for (let i = 0; i < 3; i++) expect((await attempt('wrong-password', '10.0.0.7')).statusCode).toBe(401);
    expect((await attempt(PASSWORD, '10.0.0.7')).statusCode).toBe(429);
    const other = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'central@test.id', password: PASSWORD },
      remoteAddress: '10.0.0.7',
    });
    expect(other.statusCode).toBe(429);
    expect((await attempt(PASSWORD, '10.0.0.8')).statusCode).toBe(200);
    await app.close();
  });

  it('stores argon2id hashes only', async () => {
    const rows = await w.t.ctx.db.selectFrom('users').select('password_hash').execute();
    for (const r of rows) expect(r.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers 401 to GET /auth/me without a session, and refreshes the CSRF cookie with one', async () => {
    const anon = await send(w.app, null, { method: 'GET', url: '/api/v1/auth/me' });
    expect(anon.statusCode).toBe(401);
    expect(json(anon).error.code).toBe('UNAUTHENTICATED');
    const me = await send(w.app, w.auth.admin, { method: 'GET', url: '/api/v1/auth/me' });
    expect(cookiesOf(me).patuh_csrf).toBe(w.auth.admin?.csrf);
    expect(json(me).data.csrfToken).toBe(w.auth.admin?.csrf);
  });
});

describe('sessions', () => {
  it('ends one session on logout and clears the cookies', async () => {
    const s = await signIn(w.app, 'central@test.id');
    const out = await send(w.app, s, { method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect([out.headers['set-cookie']].flat().join()).toMatch(/patuh_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await send(w.app, s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await send(w.app, w.auth.central, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
  });

  it('ends every session of the user on logout-all', async () => {
    const a = await signIn(w.app, 'assessor@test.id');
    const b = await signIn(w.app, 'assessor@test.id');
    const out = await send(w.app, a, { method: 'POST', url: '/api/v1/auth/logout-all' });
    expect(out.statusCode).toBe(200);
    expect(json(out).data.sessions).toBeGreaterThanOrEqual(2);
    for (const s of [a, b, w.auth.assessor])
      expect((await send(w.app, s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await listAudit(w.t.ctx.db, { subject: `user:${w.users.assessor.id}` }))[0]?.action).toBe(
      'auth.logout-all',
    );
  });

  it('slides the expiry forward with use and ends an idle session', async () => {
    const s = await signIn(w.app, 'admin@test.id');
    const sessions = () =>
      w.t.ctx.db.selectFrom('sessions').select(['id', 'expires_at']).where('user_id', '=', w.users.admin.id);
    await sql`update sessions set last_seen_at = now() - interval '2 hours', expires_at = now() + interval '10 hours' where user_id = ${w.users.admin.id}`.execute(
      w.t.ctx.db,
    );
    expect((await send(w.app, s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    const slid = (await sessions().execute()).map((r) => r.expires_at.getTime());
    expect(Math.max(...slid)).toBeGreaterThan(Date.now() + 11.9 * 3600_000);
    await sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${w.users.admin.id}`.execute(
      w.t.ctx.db,
    );
    expect((await send(w.app, s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    w.auth.admin = await signIn(w.app, 'admin@test.id');
  });

  it('ends the sessions of a deactivated user, who can no longer sign in', async () => {
    const s = await signIn(w.app, 'gone@test.id');
    const id = json(await send(w.app, s, { method: 'GET', url: '/api/v1/auth/me' })).data.user.id;
    const off = await send(w.app, w.auth.admin, {
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      body: { active: false },
    });
    expect(off.statusCode).toBe(200);
    expect((await send(w.app, s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await login('gone@test.id', PASSWORD)).statusCode).toBe(401);
  });

  it('keeps passwords, session secrets and CSRF tokens out of the log', async () => {
    const s = await signIn(w.app, 'office_head@test.id');
    await send(w.app, s, {
      method: 'POST',
      url: '/api/v1/cycles',
      body: { year: 2090, edition: 'x', bandScheme: 'y' },
    });
    const text = logs.join('');
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(s.cookies?.patuh_session);
    expect(text).not.toContain(s.csrf);
  });
});
