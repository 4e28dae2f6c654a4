/** Users (admin only) and API tokens (any signed-in person, for themselves). */
import type { FastifyInstance } from 'fastify';
import { presentToken, presentUser } from '../../present/users.ts';
import { createUser } from '../../services/auth/create-user.ts';
import { listUsers } from '../../services/auth/list-users.ts';
import { createToken, listTokens, revokeToken } from '../../services/auth/manage-tokens.ts';
import { updateUser } from '../../services/auth/update-user.ts';
import type { ServiceContext } from '../../services/context.ts';
import { createTokenBody, createUserBody, idParams, updateUserBody, usersQuery } from '../../shared/api-schemas.ts';
import { describe, parse } from '../route-kit.ts';

/** Drops the keys a client left out, so "not given" and "set to null" stay apart. */
function given<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}

export function registerUserRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const access = 'signed-in';

  app.get(
    '/api/v1/users',
    describe({ tags: ['users'], summary: 'Users (admin)', access, query: usersQuery }),
    async (req) => {
      const q = parse(usersQuery, req.query);
      const page = await listUsers(ctx, req.principal, q);
      return {
        data: page.rows.map(presentUser),
        page: { page: page.page, pageSize: page.pageSize, total: page.total },
      };
    },
  );

  app.post(
    '/api/v1/users',
    describe({ tags: ['users'], summary: 'Create a user (admin)', access, body: createUserBody }),
    async (req, reply) => {
      const body = parse(createUserBody, req.body);
      const user = await createUser(ctx, req.principal, given(body));
      return reply.code(201).send({ data: presentUser(user) });
    },
  );

  app.patch(
    '/api/v1/users/:id',
    describe({
      tags: ['users'],
      summary: 'Change a user’s role, scope, name, password or active (admin)',
      access,
      params: idParams,
      body: updateUserBody,
    }),
    async (req) => {
      const { id } = parse(idParams, req.params);
      const body = parse(updateUserBody, req.body);
      return { data: presentUser(await updateUser(ctx, req.principal, id, given(body))) };
    },
  );

  app.get(
    '/api/v1/tokens',
    describe({ tags: ['tokens'], summary: 'Your API tokens (admin: all)', access }),
    async (req) => ({
      data: (await listTokens(ctx, req.principal)).map(presentToken),
    }),
  );

  app.post(
    '/api/v1/tokens',
    describe({
      tags: ['tokens'],
      summary: 'Create an API token; the secret is in the answer, once',
      access,
      body: createTokenBody,
    }),
    async (req, reply) => {
      const body = parse(createTokenBody, req.body);
      const { token, view } = await createToken(ctx, req.principal, given(body));
      return reply.code(201).send({ data: { ...presentToken(view), token } });
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    describe({ tags: ['tokens'], summary: 'Revoke an API token', access, params: idParams }),
    async (req, reply) => {
      const { id } = parse(idParams, req.params);
      await revokeToken(ctx, req.principal, id);
      return reply.code(204).send();
    },
  );
}
