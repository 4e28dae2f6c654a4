/**
 * The password policy wherever a password is set (issue 12, finding 3): the admin's
 * user create and change over HTTP, and `patuh user create` / `reset-password`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, json, PASSWORD, send, signIn, type World } from '../helpers/api.ts';
import { cliWorkspace } from '../helpers/cli.ts';

let w: World;
const cli = cliWorkspace('password_policy');
beforeAll(async () => {
  w = await buildWorld();
  await cli.setUp();
});
afterAll(async () => {
  await w?.close();
  await cli.tearDown();
});

const refusals = [
  ['aaaaaaaaaa', 'weak', /too easy to guess/, /terlalu mudah ditebak/],
  ['password12', 'common', /most common passwords/, /paling umum/],
  ['kepala.baru-2025', 'contains-email', /e-mail address or its name part/, /alamat email/],
] as const;

describe('password policy over HTTP', () => {
  it('refuses weak, common and own-e-mail passwords when an admin creates a user, saying why in both languages', async () => {
    for (const [password, reason, en, id] of refusals) {
      const res = await send(w.app, w.auth.admin, {
        method: 'POST',
        url: '/api/v1/users',
        body: { email: 'kepala.baru@test.id', role: 'central', password },
      });
      expect(res.statusCode, password).toBe(400);
      const error = json(res).error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toMatch(en);
      expect(error.details).toMatchObject({ field: 'password', reason });
      expect(error.details.messages.id).toMatch(id);
    }
    const ok = await send(w.app, w.auth.admin, {
      method: 'POST',
      url: '/api/v1/users',
      body: { email: 'kepala.baru@test.id', role: 'central', password: PASSWORD },
    });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses them when an admin changes a password, and keeps the old one', async () => {
    const id = json(await send(w.app, w.auth.admin, { method: 'GET', url: '/api/v1/users?q=kepala.baru' })).data[0].id;
    for (const [password, reason] of refusals) {
      const res = await send(w.app, w.auth.admin, { method: 'PATCH', url: `/api/v1/users/${id}`, body: { password } });
      expect(res.statusCode, password).toBe(400);
      expect(json(res).error.details.reason).toBe(reason);
    }
    expect((await signIn(w.app, 'kepala.baru@test.id')).cookies).toBeDefined();
  });
});

describe('password policy in the CLI', () => {
  it('refuses a weak password for user create and reset-password with exit code 2 and the reason', async () => {
    const weak = await cli.patuhStdin(
      'password12\n',
      'user',
      'create',
      '--email',
      'op@test.id',
      '--role',
      'central',
      '--password-stdin',
    );
    expect(weak.code).toBe(2);
    expect(weak.stderr + weak.stdout).toMatch(/most common passwords/);
    const made = await cli.patuhStdin(
      `${PASSWORD}\n`,
      'user',
      'create',
      '--email',
      'op@test.id',
      '--role',
      'central',
      '--password-stdin',
    );
    expect(made.code, made.stderr).toBe(0);
    const mine = await cli.patuhStdin(
      'op@test.id-2025!\n',
      'user',
      'reset-password',
      '--email',
      'op@test.id',
      '--password-stdin',
    );
    expect(mine.code).toBe(2);
    expect(mine.stderr + mine.stdout).toMatch(/e-mail address/);
    const repeat = await cli.patuhStdin(
      'aaaaaaaaaa\n',
      'user',
      'reset-password',
      '--email',
      'op@test.id',
      '--password-stdin',
    );
    expect(repeat.code).toBe(2);
    expect(
      (
        await cli.patuhStdin(
          'a-brand-new-password\n',
          'user',
          'reset-password',
          '--email',
          'op@test.id',
          '--password-stdin',
        )
      ).code,
    ).toBe(0);
  });
});
