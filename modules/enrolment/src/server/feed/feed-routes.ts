import type { ModuleApp, ModuleContext } from '@pegase/platform';
import { enrolmentPermissions, FeedLine, FeedQuery } from '../../contract/index.ts';
import { enrolmentFeed } from './enrolment-feed.ts';

export async function feedRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/feed',
    {
      config: { access: { permission: enrolmentPermissions.feed } },
      schema: {
        summary: 'Stream every enrolment changed since a cursor, as NDJSON (one JSON object a line, no page-size cap); changes appear once 10 s old.',
        operationId: 'streamEnrolmentFeed',
        querystring: FeedQuery,
        response: { 200: { description: 'One FeedLine per line.', content: { 'application/x-ndjson': { schema: FeedLine } } } },
      },
    },
    async (request, reply) => {
      const stream = enrolmentFeed(context.db, request.query.since);
      // A stream is sent as it is, not serialised: the schema documents each line.
      return reply.type('application/x-ndjson; charset=utf-8').send(stream as never);
    },
  );
}
