import type { FastifyRequest } from 'fastify';
import { Type, type Static, type TObject } from 'typebox';
import type { ModuleApp, ModuleContext } from '../module/module.ts';
import { AuditEntryPage, listAuditEntries } from './audit-query.ts';

/** `?limit=50&cursor=…` of a history route: newest first, no other sort. */
export const HistoryQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Entries per page (1–200).' }),
    cursor: Type.Optional(Type.String({ maxLength: 1000, description: 'The `nextCursor` of the previous page.' })),
  },
  { additionalProperties: false },
);

export interface HistoryRouteOptions<P extends TObject> {
  /** Path of the route in the module, e.g. `/structures/:id/history`. */
  url: string;
  /** Schema of the path parameters, the same as the record's own route. */
  params: P;
  /** Audit target type: the entity of the module's event names (`referential.structure.updated` → `structure`). */
  targetType: string;
  /** Audit target id from the path: the event subject (an id or a code). */
  targetIdOf: (params: Static<P>) => string;
  /**
   * Throws the module's 404 problem when the record does not exist, and its
   * 403 when the caller may not see this record (a structure scope).
   */
  ensureExists: (params: Static<P>, request: FastifyRequest) => Promise<unknown>;
  /** The permission that lets a caller read this history. */
  permission: string;
  summary: string;
  operationId: string;
  description?: string;
}

/**
 * Declares `GET <url>`: the audit entries the calling module wrote about one
 * record, newest first, paged by cursor (`{ items, nextCursor }`), or the
 * module's 404 when the record does not exist. Entries of other modules and
 * other records are never included.
 */
export function historyRoute<P extends TObject>(app: ModuleApp, context: ModuleContext, options: HistoryRouteOptions<P>): void {
  app.get(
    options.url,
    {
      config: { access: { permission: options.permission } },
      schema: {
        summary: options.summary,
        ...(options.description === undefined ? {} : { description: options.description }),
        operationId: options.operationId,
        params: options.params,
        querystring: HistoryQuery,
        response: { 200: AuditEntryPage },
      },
    },
    async (request) => {
      const params = request.params as Static<P>;
      await options.ensureExists(params, request);
      const { limit, cursor } = request.query;
      return listAuditEntries(context.db, { module: context.module, targetType: options.targetType, targetId: options.targetIdOf(params) }, limit, cursor);
    },
  );
}
