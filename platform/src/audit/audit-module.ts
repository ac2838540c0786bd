import { Type } from 'typebox';
import { defineModule, type PegaseModule } from '../module/module.ts';
import { AuditEntryPage, listAuditEntries } from './audit-query.ts';

const AuditQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 1000 })),
    targetType: Type.Optional(Type.String({ maxLength: 100, description: 'e.g. structure' })),
    targetId: Type.Optional(Type.String({ maxLength: 200 })),
    actor: Type.Optional(Type.String({ maxLength: 200, description: 'Subject or login of who made the change.' })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Changes at or after this instant.' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Changes before this instant.' })),
  },
  { additionalProperties: false },
);

/**
 * The audit trail as a kernel-provided module: every module writes to it
 * through `context.publish` in its own transactions; admins read it here,
 * newest first, by target, actor and time range. Modules let their own users
 * read the history of one record with `historyRoute`.
 */
export const auditModule: PegaseModule = defineModule({
  name: 'audit',
  title: 'Audit trail',
  description: 'Who changed what, when, from which value to which: append-only, written with each change.',
  migrations: new URL('./migrations/', import.meta.url),
  permissions: [{ name: 'audit.read', description: 'Read the audit trail of every change.', roles: [] }],
  events: [],
  async routes(app, context) {
    app.get(
      '/entries',
      {
        config: { access: { permission: 'audit.read' } },
        schema: {
          summary: 'List audit entries, newest first, by target, actor and time range.',
          operationId: 'listAuditEntries',
          querystring: AuditQuery,
          response: { 200: AuditEntryPage },
        },
      },
      async (request) => {
        const { limit, cursor, ...filters } = request.query;
        return listAuditEntries(context.db, filters, limit, cursor);
      },
    );
  },
});
