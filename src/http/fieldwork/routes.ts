/** Fieldwork (issue 4): assignments, the collection app's sync and pull, verification. */
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.ts';
import { registerAssignmentRoutes } from './assignment-routes.ts';
import { registerReviewRoutes } from './review-routes.ts';
import { registerSyncRoutes } from './sync-routes.ts';

export function registerFieldworkRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  registerAssignmentRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  registerReviewRoutes(app, ctx);
}
