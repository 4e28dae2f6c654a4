/** API tokens: shown once, stored as a digest, scoped like a role, and ended by revocation, expiry or the owner's change. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/services/auth/create-user.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { sha256Hex } from '../../src/services/auth/secrets.ts';
import { buildWorld, json, PASSWORD, send, signIn, type World, X } from '../helpers/api.ts';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(async () => w?.close());

async function makeToken(auth: World['auth'][keyof World['auth']], body: Record<string, unknown> = { name: 'client' }) {
  const res = await send(w.app, auth, { method: 'POST', url: '/api/v1/tokens', body });
  return { res, body: json(res) };
}

describe('API tokens', () => {
  it('returns the secret once, keeps only its digest, and lists tokens without it', async () => {
    const { res, body } = await makeToken(w.auth.entity_official, { name: 'dashboard', expiresInDays: 30 });
    expect(res.statusCode).toBe(201);
    const token: string = body.data.token;
    expect(token).toMatch(/^patuh_[A-Za-z0-9_-]{43}$/);
    expect(body.data).toMatchObject({
      name: 'dashboard',
      role: 'entity_official',
      entity: { code: X, name: 'Kota Bekasi' },
      office: null,
    });
    const stored = await w.t.ctx.db
      .selectFrom('api_tokens')
      .select('hash')
      .where('id', '=', body.data.id)
      .executeTakeFirstOrThrow();
    expect(stored.hash).toBe(sha256Hex(token));
    const list = await send(w.app, w.auth.entity_official, { method: 'GET', url: '/api/v1/tokens' });
    expect(list.body).not.toContain(token);
    expect(json(list).data.map((t: { id: number }) => t.id)).toContain(body.data.id);
  });

  it('acts with its role and scope: an official’s token sees only its entity, and only published cycles', async () => {
    const { body } = await makeToken(w.auth.entity_official);
    const bearer = { bearer: body.data.token as string };
    const me = json(await send(w.app, bearer, { method: 'GET', url: '/api/v1/auth/me' }));
    expect(me.data).toMatchObject({ user: { role: 'entity_official', entity: { code: X } }, csrfToken: null });
    const results = json(await send(w.app, bearer, { method: 'GET', url: '/api/v1/cycles/2022/results' }));
    expect(results.data.map((r: { entity: { code: string } }) => r.entity.code)).toEqual([X]);
    expect(
      (await send(w.app, bearer, { method: 'GET', url: '/api/v1/cycles/2022/entities/74.71/result' })).statusCode,
    ).toBe(404);
    expect((await send(w.app, bearer, { method: 'POST', url: '/api/v1/tokens', body: { name: 'x' } })).statusCode).toBe(
      403,
    );
  });

  it('lets only an admin give a token another role or scope', async () => {
    const refused = await makeToken(w.auth.central, { name: 'x', role: 'admin' });
    expect(refused.res.statusCode).toBe(403);
    const made = await makeToken(w.auth.admin, { name: 'jabar sync', role: 'office_head', office: '32' });
    expect(made.res.statusCode).toBe(201);
    expect(made.body.data).toMatchObject({ role: 'office_head', office: { code: '32' }, entity: null });
    const invalid = await makeToken(w.auth.admin, { name: 'x', role: 'entity_official' });
    expect(invalid.res.statusCode).toBe(400);
  });

  it('stops working when revoked or expired', async () => {
    const { body } = await makeToken(w.auth.central);
    const bearer = { bearer: body.data.token as string };
    expect((await send(w.app, bearer, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expect(
      (await send(w.app, w.auth.central, { method: 'DELETE', url: `/api/v1/tokens/${body.data.id}` })).statusCode,
    ).toBe(204);
    expect((await send(w.app, bearer, { method: 'GET', url: '/api/v1/cycles' })).statusCode).toBe(401);

    const second = (await makeToken(w.auth.central)).body.data;
    await sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${second.id}`.execute(
      w.t.ctx.db,
    );
    expect((await send(w.app, { bearer: second.token }, { method: 'GET', url: '/api/v1/cycles' })).statusCode).toBe(
      401,
    );
  });

  it('stops working when its owner is deactivated, and is revoked when the owner’s role changes', async () => {
    const owner = await createUser(w.t.ctx, SYSTEM, { email: 'owner@test.id', role: 'central', password: PASSWORD });
    const session = await signIn(w.app, owner.email);
    const token = (await makeToken(session)).body.data.token as string;
    const off = await send(w.app, w.auth.admin, {
      method: 'PATCH',
      url: `/api/v1/users/${owner.id}`,
      body: { active: false },
    });
    expect(off.statusCode).toBe(200);
    expect((await send(w.app, { bearer: token }, { method: 'GET', url: '/api/v1/cycles' })).statusCode).toBe(401);

    const other = await createUser(w.t.ctx, SYSTEM, { email: 'mover@test.id', role: 'central', password: PASSWORD });
    const otherToken = (await makeToken(await signIn(w.app, other.email))).body.data.token as string;
    const moved = await send(w.app, w.auth.admin, {
      method: 'PATCH',
      url: `/api/v1/users/${other.id}`,
      body: { role: 'entity_official', entity: X },
    });
    expect(json(moved).data).toMatchObject({ role: 'entity_official', entity: { code: X } });
    expect((await send(w.app, { bearer: otherToken }, { method: 'GET', url: '/api/v1/cycles' })).statusCode).toBe(401);
  });
});
