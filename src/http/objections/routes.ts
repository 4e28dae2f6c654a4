/** Objections (sanggahan): an entity's list and filing, one objection with its thread, messages, decisions. */
import type { FastifyInstance } from 'fastify';
import { presentObjection, presentObjectionDetail, presentWindow } from '../../present/objections.ts';
import type { ServiceContext } from '../../services/context.ts';
import { acceptObjection, rejectObjection } from '../../services/objections/decide.ts';
import { fileObjection, getObjection, listObjections, postObjectionMessage } from '../../services/objections/file.ts';
import { entityParams } from '../../shared/api-schemas.ts';
import {
  acceptObjectionBody,
  followUpIdParams,
  objectionBody,
  objectionMessageBody,
  rejectObjectionBody,
} from '../../shared/follow-up-schemas.ts';
import { describe, parse } from '../route-kit.ts';

export function registerObjectionRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const tags = ['objections'];
  const access = 'signed-in' as const;
  const params = followUpIdParams;

  app.get(
    '/api/v1/cycles/:year/entities/:code/objections',
    describe({ tags, summary: 'An entity’s objections and the objection window', access, params: entityParams }),
    async (req) => {
      const { year, code } = parse(entityParams, req.params);
      const x = await listObjections(ctx, req.principal, year, code);
      return { data: { window: presentWindow(x.window), objections: x.objections.map(presentObjection) } };
    },
  );

  app.post(
    '/api/v1/cycles/:year/entities/:code/objections',
    describe({
      tags,
      summary: 'Object to an indicator’s score in a unit (the entity’s officials, within the window)',
      access,
      params: entityParams,
      body: objectionBody,
    }),
    async (req, reply) => {
      const { year, code } = parse(entityParams, req.params);
      const body = parse(objectionBody, req.body);
      const o = await fileObjection(ctx, req.principal, year, code, {
        unitId: body.unitId,
        indicator: body.indicator,
        reason: body.reason,
        ...(body.evidence ? { evidence: body.evidence } : {}),
      });
      return reply.code(201).send({ data: presentObjectionDetail(o) });
    },
  );

  app.get(
    '/api/v1/objections/:id',
    describe({ tags, summary: 'An objection with its thread and the unit’s current answers', access, params }),
    async (req) => {
      const { id } = parse(params, req.params);
      return { data: presentObjectionDetail(await getObjection(ctx, req.principal, id)) };
    },
  );

  app.post(
    '/api/v1/objections/:id/messages',
    describe({
      tags,
      summary: 'Write in an open objection’s thread (either side)',
      access,
      params,
      body: objectionMessageBody,
    }),
    async (req, reply) => {
      const { id } = parse(params, req.params);
      const body = parse(objectionMessageBody, req.body);
      const o = await postObjectionMessage(ctx, req.principal, id, {
        body: body.body,
        ...(body.evidence ? { evidence: body.evidence } : {}),
      });
      return reply.code(201).send({ data: presentObjectionDetail(o) });
    },
  );

  app.post(
    '/api/v1/objections/:id/accept',
    describe({
      tags,
      summary: 'Accept an objection with the corrected answers: the answers change and the results recompute',
      access,
      params,
      body: acceptObjectionBody,
    }),
    async (req) => {
      const { id } = parse(params, req.params);
      const body = parse(acceptObjectionBody, req.body);
      return { data: presentObjectionDetail(await acceptObjection(ctx, req.principal, id, body)) };
    },
  );

  app.post(
    '/api/v1/objections/:id/reject',
    describe({ tags, summary: 'Reject an objection with reasons', access, params, body: rejectObjectionBody }),
    async (req) => {
      const { id } = parse(params, req.params);
      const body = parse(rejectObjectionBody, req.body);
      return { data: presentObjectionDetail(await rejectObjection(ctx, req.principal, id, body)) };
    },
  );
}
