/** The collection app's two routes: push sheets (POST /sync) and pull their state (GET /me/submissions). */
import type { FastifyInstance } from 'fastify';
import { presentComment, presentEvent, presentItems, presentSummary } from '../../present/fieldwork.ts';
import type { ServiceContext } from '../../services/context.ts';
import { pullMySubmissions } from '../../services/fieldwork/read-submissions.ts';
import { syncSubmissions } from '../../services/fieldwork/sync.ts';
import { type PullView, pullQuery, syncBody, syncBodyDoc } from '../../shared/fieldwork-schemas.ts';
import { describe, parse } from '../route-kit.ts';

/** 50 sheets of up to 200 items with notes do not fit the API's default 1 MiB. */
export const SYNC_BODY_LIMIT = 8 * 1024 * 1024;

export function registerSyncRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const tags = ['fieldwork'];

  app.post(
    '/api/v1/sync',
    {
      ...describe({
        tags,
        summary: 'Send up to 50 sheets; each is stored, a duplicate, a conflict or rejected (assessors)',
        access: 'signed-in',
        body: syncBodyDoc,
      }),
      bodyLimit: SYNC_BODY_LIMIT,
      // a NUL or lone surrogate rejects its sheet alone (sync.ts), not the batch (input-guard.ts)
      config: { textPerItem: true },
    },
    async (req) => {
      const body = parse(syncBody, req.body);
      const results = await syncSubmissions(ctx, req.principal, body.submissions);
      return { data: { results, serverTime: new Date().toISOString() } };
    },
  );

  app.get(
    '/api/v1/me/submissions',
    describe({
      tags,
      summary: 'Your sheets changed since `since`: status, current answers, comments, history (assessors)',
      access: 'signed-in',
      query: pullQuery,
    }),
    async (req): Promise<PullView> => {
      const q = parse(pullQuery, req.query);
      const page = await pullMySubmissions(ctx, req.principal, q);
      return {
        data: page.rows.map((r) => ({
          ...presentSummary(r.submission),
          items: presentItems(r.current?.items ?? []),
          comments: r.comments.map(presentComment),
          history: r.history.map(presentEvent),
        })),
        next: page.next,
        since: page.since,
      };
    },
  );
}
