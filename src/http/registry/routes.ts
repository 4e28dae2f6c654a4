/** The registry and units: entities, regional offices, an entity's units in a cycle. */
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.ts';
import { listEntities } from '../../services/registry/list-entities.ts';
import { listOffices } from '../../services/registry/list-offices.ts';
import { addUnit, listUnitsOf, updateUnit } from '../../services/registry/manage-units.ts';
import { createUnitBody, entitiesQuery, entityParams, idParams, updateUnitBody } from '../../shared/api-schemas.ts';
import { describe, parse } from '../route-kit.ts';

export function registerRegistryRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/api/v1/entities',
    describe({ tags: ['registry'], summary: 'Entities within your scope', access: 'signed-in', query: entitiesQuery }),
    async (req) => {
      const q = parse(entitiesQuery, req.query);
      const page = await listEntities(ctx, req.principal, q);
      return {
        data: page.rows.map((e) => ({ code: e.code, name: e.name, level: e.level, provinceCode: e.provinceCode })),
        page: { page: page.page, pageSize: page.pageSize, total: page.total },
      };
    },
  );

  app.get(
    '/api/v1/offices',
    describe({
      tags: ['registry'],
      summary: 'Regional offices (central staff: all; office roles: their own)',
      access: 'signed-in',
    }),
    async (req) => ({ data: await listOffices(ctx, req.principal) }),
  );

  app.get(
    '/api/v1/cycles/:year/entities/:code/units',
    describe({
      tags: ['units'],
      summary: 'An entity’s units in a cycle, deactivated ones too',
      access: 'signed-in',
      params: entityParams,
    }),
    async (req) => {
      const { year, code } = parse(entityParams, req.params);
      return { data: await listUnitsOf(ctx, req.principal, year, code) };
    },
  );

  app.post(
    '/api/v1/cycles/:year/entities/:code/units',
    describe({
      tags: ['units'],
      summary: 'Add a unit to an entity in a cycle',
      access: 'signed-in',
      params: entityParams,
      body: createUnitBody,
    }),
    async (req, reply) => {
      const { year, code } = parse(entityParams, req.params);
      const body = parse(createUnitBody, req.body);
      const unit = await addUnit(ctx, req.principal, year, code, { name: body.name, kind: body.kind ?? null });
      return reply.code(201).send({ data: unit });
    },
  );

  app.patch(
    '/api/v1/units/:id',
    describe({
      tags: ['units'],
      summary: 'Rename, deactivate or reactivate a unit',
      access: 'signed-in',
      params: idParams,
      body: updateUnitBody,
    }),
    async (req) => {
      const { id } = parse(idParams, req.params);
      const body = parse(updateUnitBody, req.body);
      return {
        data: await updateUnit(ctx, req.principal, id, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.active !== undefined ? { active: body.active } : {}),
        }),
      };
    },
  );
}
