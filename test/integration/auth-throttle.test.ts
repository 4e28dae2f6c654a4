/**
 * Sign-in throttles (issue 12, finding 3): attempts are counted before the password
 * is checked, so parallel bursts are held to the limit; a stranger's network locks
 * an account out of that network only; an account guessed at from many networks is
 * slowed, not locked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/db/repos/audit.ts';
import { buildServer } from '../../src/http/server.ts';
import { createUser } from '../../src/services/auth/create-user.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { buildWorld, json, PASSWORD, type World } from '../helpers/api.ts';

let w: World;
const ids: Record<string, number> = {};
beforeAll(async () => {
  w = await buildWorld();
  for (const email of [
    'burst@test.id',
    'burst21@test.id',
    'boss@test.id',
    'spread@test.id',
    'twice@test.id',
    'proxied@test.id',
    'direct@test.id',
  ]) {
    ids[email] = (await createUser(w.t.ctx, SYSTEM, { email, role: 'admin', password: PASSWORD })).id;
  }
});
afterAll(async () => w?.close());

const login = (email: string, password: string, remoteAddress: string, app = w.app) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });

function tally(codes: number[]): Record<number, number> {
  const t: Record<number, number> = {};
  for (const c of codes) t[c] = (t[c] ?? 0) + 1;
  return t;
}

describe('sign-in throttles', () => {
  it('checks only 5 of 200 parallel wrong passwords on one account; the rest are refused unchecked', async () => {
    const res = await Promise.all(
      Array.from({ length: 200 }, () => login('burst@test.id', 'wrong-password', '198.51.100.1')),
    );
    expect(tally(res.map((r) => r.statusCode))).toEqual({ 401: 5, 429: 195 });
    const refused = res.find((r) => r.statusCode === 429);
    if (!refused) throw new Error('no attempt was refused');
    expect(json(refused).error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(json(refused).error.message).not.toContain('burst@test.id');
  });

  it('refuses the right password at position 21 of a burst of 25', async () => {
    const res = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        login('burst21@test.id', i === 20 ? PASSWORD : 'wrong-password', '198.51.100.2'),
      ),
    );
    expect(res[20]?.statusCode).toBe(429);
    expect(tally(res.map((r) => r.statusCode))).toEqual({ 401: 5, 429: 20 });
  });

  it('holds the limit across two servers on one database', async () => {
    const other = await buildServer(w.t.ctx, { logLevel: 'silent', webDist: null });
    const res = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        login('twice@test.id', 'wrong-password', '198.51.100.3', i % 2 ? other : w.app),
      ),
    );
    await other.close();
    expect(tally(res.map((r) => r.statusCode))).toEqual({ 401: 5, 429: 35 });
  });

  it('locks an account out of the guessing network only, and audits the lockout', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login('boss@test.id', 'wrong-password', '203.0.113.9')).statusCode).toBe(401);
    expect((await login('boss@test.id', PASSWORD, '203.0.113.9')).statusCode).toBe(429);
    // the same /64 is the same network; another one is not
    for (let i = 0; i < 5; i++) await login('boss@test.id', 'wrong-password', '2001:db8:1:1::7');
    expect((await login('boss@test.id', PASSWORD, '2001:db8:1:1::8')).statusCode).toBe(429);
    expect((await login('boss@test.id', PASSWORD, '192.0.2.44')).statusCode).toBe(200);
    expect((await login('boss@test.id', PASSWORD, '2001:db8:1:2::8')).statusCode).toBe(200);
    const audit = await listAudit(w.t.ctx.db, { subject: `user:${ids['boss@test.id']}` });
    expect(audit.filter((a) => a.action === 'auth.lockout')).toHaveLength(2);
  });

  it('slows an account guessed at from many networks instead of locking it', async () => {
    for (let i = 0; i < 21; i++) {
      expect((await login('spread@test.id', 'wrong-password', `192.0.2.${100 + i}`)).statusCode).toBe(401);
    }
    const slowed = await login('spread@test.id', PASSWORD, '192.0.2.200');
    expect(slowed.statusCode).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeLessThanOrEqual(30);
    const audit = await listAudit(w.t.ctx.db, { subject: `user:${ids['spread@test.id']}` });
    expect(audit.map((a) => a.action)).toContain('auth.slowdown');
  });

  it('refuses an unknown email in a burst exactly as a known one', async () => {
    const known = await Promise.all(Array.from({ length: 8 }, () => login('burst@test.id', 'x-wrong', '198.51.100.9')));
    const ghost = await Promise.all(
      Array.from({ length: 8 }, () => login('ghost-burst@test.id', 'x-wrong', '198.51.100.10')),
    );
    expect(tally(ghost.map((r) => r.statusCode))).toEqual(tally(known.map((r) => r.statusCode)));
    const a = known.find((r) => r.statusCode === 429);
    const b = ghost.find((r) => r.statusCode === 429);
    expect(a?.body).toBe(b?.body);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy, however it rotates', async () => {
    const app = await buildServer(w.t.ctx, { logLevel: 'silent', webDist: null, trustProxy: ['10.9.0.0/16', '::1'] });
    const attempt = (password: string, remoteAddress: string, forwarded: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'direct@test.id', password },
        remoteAddress,
        headers: { 'x-forwarded-for': forwarded },
      });
    for (let i = 0; i < 5; i++)
      expect((await attempt('wrong-password', '192.0.2.50', `198.18.0.${i}`)).statusCode).toBe(401);
    expect((await attempt(PASSWORD, '192.0.2.50', '198.18.0.99')).statusCode).toBe(429);
    // behind the trusted proxy, the header names the client: another client is not locked out
    expect((await attempt(PASSWORD, '10.9.3.4', '192.0.2.50')).statusCode).toBe(429);
    expect((await attempt(PASSWORD, '10.9.3.4', '198.18.0.99')).statusCode).toBe(200);
    await app.close();
  });

  it('believes X-Forwarded-For from a trusted proxy (IPv6 too)', async () => {
    const app = await buildServer(w.t.ctx, { logLevel: 'silent', webDist: null, trustProxy: ['::1'] });
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'proxied@test.id', password: 'wrong-password' },
        remoteAddress: '::1',
        headers: { 'x-forwarded-for': '203.0.113.77' },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await login('proxied@test.id', PASSWORD, '203.0.113.77');
    expect(locked.statusCode).toBe(429);
    await app.close();
  });
});
