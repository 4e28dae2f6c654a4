/** Follow-up (tindak lanjut) and mentoring (pendampingan): an entity's items, their updates, sessions, a cycle's progress. */
import type { FastifyInstance } from 'fastify';
import { presentEntityFollowUp, presentItem, presentProgress, presentSession } from '../../present/follow-up.ts';
import type { ServiceContext } from '../../services/context.ts';
import { generateFollowUp } from '../../services/follow-up/generate.ts';
import { entityFollowUp, updateFollowUpItem } from '../../services/follow-up/items.ts';
import { listMentoring, logMentoring } from '../../services/follow-up/mentoring.ts';
import { followUpProgress } from '../../services/follow-up/progress.ts';
import { entityParams, yearParams } from '../../shared/api-schemas.ts';
import { followUpIdParams, mentoringBody, progressQuery, updateFollowUpBody } from '../../shared/follow-up-schemas.ts';
import { describe, parse } from '../route-kit.ts';

export function registerFollowUpRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const tags = ['follow-up'];

  app.get(
    '/api/v1/cycles/:year/entities/:code/follow-up',
    describe({
      tags,
      summary: 'An entity’s follow-up items with their updates, progress and score history',
      access: 'signed-in',
      params: entityParams,
    }),
    async (req) => {
      const { year, code } = parse(entityParams, req.params);
      return { data: presentEntityFollowUp(await entityFollowUp(ctx, req.principal, year, code)) };
    },
  );

  app.post(
    '/api/v1/cycles/:year/entities/:code/follow-up/generate',
    describe({
      tags,
      summary: 'Make the missing follow-up items of an entity from its findings (published cycles; idempotent)',
      access: 'signed-in',
      params: entityParams,
    }),
    async (req) => {
      const { year, code } = parse(entityParams, req.params);
      return { data: await generateFollowUp(ctx, req.principal, year, code) };
    },
  );

  app.patch(
    '/api/v1/follow-up/:id',
    describe({
      tags,
      summary: 'Update a follow-up item: status with a note, evidence, due date',
      access: 'signed-in',
      params: followUpIdParams,
      body: updateFollowUpBody,
    }),
    async (req) => {
      const { id } = parse(followUpIdParams, req.params);
      const body = parse(updateFollowUpBody, req.body);
      const item = await updateFollowUpItem(ctx, req.principal, id, {
        status: body.status,
        note: body.note,
        ...(body.evidence ? { evidence: body.evidence } : {}),
        ...(body.dueDate !== undefined ? { dueDate: body.dueDate } : {}),
      });
      return { data: presentItem(item) };
    },
  );

  app.get(
    '/api/v1/cycles/:year/entities/:code/mentoring',
    describe({
      tags,
      summary: 'An entity’s mentoring sessions, latest first',
      access: 'signed-in',
      params: entityParams,
    }),
    async (req) => {
      const { year, code } = parse(entityParams, req.params);
      return { data: (await listMentoring(ctx, req.principal, year, code)).map(presentSession) };
    },
  );

  app.post(
    '/api/v1/cycles/:year/entities/:code/mentoring',
    describe({
      tags,
      summary: 'Log a mentoring session with an entity (its regional office, central staff)',
      access: 'signed-in',
      params: entityParams,
      body: mentoringBody,
    }),
    async (req, reply) => {
      const { year, code } = parse(entityParams, req.params);
      const body = parse(mentoringBody, req.body);
      const session = await logMentoring(ctx, req.principal, year, code, {
        date: body.date,
        topics: body.topics,
        attendees: body.attendees,
        ...(body.notes !== undefined ? { notes: body.notes } : {}),
        ...(body.items ? { items: body.items } : {}),
      });
      return reply.code(201).send({ data: presentSession(session) });
    },
  );

  app.get(
    '/api/v1/cycles/:year/follow-up/progress',
    describe({
      tags,
      summary: 'Follow-up progress per entity in a cycle, least done first (staff, within scope)',
      access: 'signed-in',
      params: yearParams,
      query: progressQuery,
    }),
    async (req) => {
      const { year } = parse(yearParams, req.params);
      const q = parse(progressQuery, req.query);
      const page = await followUpProgress(ctx, req.principal, year, {
        page: q.page,
        pageSize: q.pageSize,
        ...(q.province ? { province: q.province } : {}),
      });
      return {
        data: page.rows.map(presentProgress),
        page: { page: page.page, pageSize: page.pageSize, total: page.total },
      };
    },
  );
}
