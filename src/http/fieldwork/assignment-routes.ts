/** Assignments: a cycle's list, assigning and unassigning, the assessor's own, and the assessors one may assign. */
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.ts';
import {
  createAssignment,
  listAssessors,
  listCycleAssignments,
  myAssignments,
  removeAssignment,
} from '../../services/fieldwork/assignments.ts';
import { yearParams } from '../../shared/api-schemas.ts';
import {
  assessorsQuery,
  assignmentParams,
  assignmentsQuery,
  createAssignmentBody,
} from '../../shared/fieldwork-schemas.ts';
import { describe, parse } from '../route-kit.ts';

export function registerAssignmentRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const tags = ['fieldwork'];

  app.get(
    '/api/v1/cycles/:year/assignments',
    describe({
      tags,
      summary: 'A cycle’s assignments (central: all; office head: its province; assessor: its own)',
      access: 'signed-in',
      params: yearParams,
      query: assignmentsQuery,
    }),
    async (req) => {
      const { year } = parse(yearParams, req.params);
      const q = parse(assignmentsQuery, req.query);
      return { data: await listCycleAssignments(ctx, req.principal, year, q) };
    },
  );

  app.post(
    '/api/v1/cycles/:year/assignments',
    describe({
      tags,
      summary: 'Assign an entity (or one of its units) to an assessor of its province',
      access: 'signed-in',
      params: yearParams,
      body: createAssignmentBody,
    }),
    async (req, reply) => {
      const { year } = parse(yearParams, req.params);
      const body = parse(createAssignmentBody, req.body);
      return reply.code(201).send({ data: await createAssignment(ctx, req.principal, year, body) });
    },
  );

  app.delete(
    '/api/v1/cycles/:year/assignments/:id',
    describe({ tags, summary: 'Remove an assignment', access: 'signed-in', params: assignmentParams }),
    async (req, reply) => {
      const { year, id } = parse(assignmentParams, req.params);
      await removeAssignment(ctx, req.principal, year, id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/me/assignments',
    describe({
      tags,
      summary: 'Your assignments in open cycles, with the units to collect for (assessors)',
      access: 'signed-in',
    }),
    async (req) => ({ data: await myAssignments(ctx, req.principal) }),
  );

  app.get(
    '/api/v1/assessors',
    describe({
      tags,
      summary: 'The assessors you may assign (office head: its office; central: all, or ?office=)',
      access: 'signed-in',
      query: assessorsQuery,
    }),
    async (req) => {
      const q = parse(assessorsQuery, req.query);
      return { data: await listAssessors(ctx, req.principal, q.office) };
    },
  );
}
