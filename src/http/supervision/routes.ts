/**
 * The 2025 method over HTTP: the supervision product register (central staff, every
 * change audited), withheld awards (hold and release, audited), and the ranking of a
 * province's vertical offices (its regional office, central staff). Imports of public
 * trust and of the register are multipart uploads like the other imports.
 */
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.ts';
import { holdAward, releaseAward } from '../../services/supervision/award-holds.ts';
import {
  addProduct,
  changeProduct,
  listSupervisionProducts,
  removeProduct,
} from '../../services/supervision/products.ts';
import { rankVerticalOffices } from '../../services/vertical-offices.ts';
import { idParams, yearParams } from '../../shared/api-schemas.ts';
import {
  awardHoldBody,
  awardReleaseBody,
  type ProductBody,
  productBody,
  productQuery,
  verticalOfficesQuery,
} from '../../shared/supervision-schemas.ts';
import { describe, parse } from '../route-kit.ts';

const fieldsOf = (b: ProductBody) => ({
  entity: b.entity,
  kind: b.kind,
  number: b.number,
  issuedOn: b.issuedOn,
  dueOn: b.dueOn,
  status: b.status,
  evidenceHashes: b.evidenceHashes ?? [],
  note: b.note ?? null,
});

export function registerSupervisionRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const tags = ['supervision'];
  app.get(
    '/api/v1/supervision-products',
    describe({ tags, summary: 'The supervision product register (central)', access: 'signed-in', query: productQuery }),
    async (req) => {
      const q = parse(productQuery, req.query);
      return { data: await listSupervisionProducts(ctx, req.principal, q.entity) };
    },
  );
  app.post(
    '/api/v1/supervision-products',
    describe({ tags, summary: 'Add a supervision product (central; audited)', access: 'signed-in', body: productBody }),
    async (req, reply) => {
      const b = parse(productBody, req.body);
      return reply.code(201).send({ data: await addProduct(ctx, req.principal, fieldsOf(b)) });
    },
  );
  app.patch(
    '/api/v1/supervision-products/:id',
    describe({
      tags,
      summary: 'Change a supervision product, e.g. its follow-up status (central; audited)',
      access: 'signed-in',
      params: idParams,
      body: productBody,
    }),
    async (req) => {
      const { id } = parse(idParams, req.params);
      return { data: await changeProduct(ctx, req.principal, id, fieldsOf(parse(productBody, req.body))) };
    },
  );
  app.delete(
    '/api/v1/supervision-products/:id',
    describe({
      tags,
      summary: 'Remove a supervision product (central; audited)',
      access: 'signed-in',
      params: idParams,
    }),
    async (req, reply) => {
      const { id } = parse(idParams, req.params);
      await removeProduct(ctx, req.principal, id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/v1/cycles/:year/award-holds',
    describe({
      tags,
      summary: "Withhold an entity's (or one unit's) report card and certificate, with a reason (central; audited)",
      access: 'signed-in',
      params: yearParams,
      body: awardHoldBody,
    }),
    async (req, reply) => {
      const { year } = parse(yearParams, req.params);
      const b = parse(awardHoldBody, req.body);
      const hold = await holdAward(
        ctx,
        req.principal,
        { year, entity: b.entity, ...(b.unit ? { unit: b.unit } : {}) },
        b.reason,
      );
      return reply.code(201).send({ data: { id: hold.id, reason: hold.reason, since: hold.heldAt.toISOString() } });
    },
  );
  app.post(
    '/api/v1/cycles/:year/award-holds/release',
    describe({
      tags,
      summary: 'Release a withheld report card and certificate (central; audited)',
      access: 'signed-in',
      params: yearParams,
      body: awardReleaseBody,
    }),
    async (req, reply) => {
      const { year } = parse(yearParams, req.params);
      const b = parse(awardReleaseBody, req.body);
      await releaseAward(ctx, req.principal, { year, entity: b.entity, ...(b.unit ? { unit: b.unit } : {}) });
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/v1/cycles/:year/vertical-offices',
    describe({
      tags,
      summary: "A province's vertical offices (Polres, Kantor Pertanahan, …), ranked (its regional office, central)",
      access: 'signed-in',
      params: yearParams,
      query: verticalOfficesQuery,
    }),
    async (req) => {
      const { year } = parse(yearParams, req.params);
      const { province } = parse(verticalOfficesQuery, req.query);
      return { data: await rankVerticalOffices(ctx, req.principal, year, province) };
    },
  );
}
