import { sql, type SQL } from 'drizzle-orm';
import { Type, type Static } from 'typebox';
import { rowsOf } from '../db/database.ts';
import { decodeCursor, encodeCursor } from '../http/pagination.ts';
import { defineModule, type PegaseModule } from '../module/module.ts';

export const AuditEntry = Type.Object({
  id: Type.String({ format: 'uuid' }),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Object({ subject: Type.String(), login: Type.Union([Type.String(), Type.Null()]), roles: Type.Array(Type.String()) }),
  module: Type.String(),
  action: Type.String({ examples: ['structure.updated'] }),
  target: Type.Object({ type: Type.String(), id: Type.String() }),
  changedFields: Type.Array(Type.String()),
  before: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
  after: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
});
export type AuditEntry = Static<typeof AuditEntry>;

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

interface EntryRow extends Record<string, unknown> {
  id: string;
  at_key: string;
  actor_subject: string;
  actor_login: string | null;
  actor_roles: string[];
  module: string;
  action: string;
  target_type: string;
  target_id: string;
  changed_fields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
}

const SORT = '-at';

/**
 * The audit trail as a kernel-provided module: every module writes to it
 * through `context.audit` in its own transactions; admins read it here,
 * newest first, by target, actor and time range.
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
          response: { 200: Type.Object({ items: Type.Array(AuditEntry), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
        },
      },
      async (request) => {
        const query = request.query;
        const after = decodeCursor(query.cursor, SORT);
        const conditions: SQL[] = [sql`true`];
        if (query.targetType !== undefined) conditions.push(sql`target_type = ${query.targetType}`);
        if (query.targetId !== undefined) conditions.push(sql`target_id = ${query.targetId}`);
        if (query.actor !== undefined) conditions.push(sql`(actor_subject = ${query.actor} or actor_login = ${query.actor})`);
        if (query.from !== undefined) conditions.push(sql`at >= ${query.from}::timestamptz`);
        if (query.to !== undefined) conditions.push(sql`at < ${query.to}::timestamptz`);
        // Keyset on (at desc, id): the cursor keeps the microseconds a JS date would lose.
        if (after !== undefined) conditions.push(sql`(at < ${after.value}::timestamptz or (at = ${after.value}::timestamptz and id > ${after.id}::uuid))`);
        const rows = await rowsOf<EntryRow>(
          context.db,
          sql`select *, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key
                from audit.entries where ${sql.join(conditions, sql` and `)}
               order by at desc, id limit ${query.limit + 1}`,
        );
        const page = rows.slice(0, query.limit);
        const last = page[page.length - 1];
        return {
          items: page.map(toEntry),
          nextCursor: rows.length > query.limit && last !== undefined ? encodeCursor(SORT, last.at_key, last.id) : null,
        };
      },
    );
  },
});

function toEntry(row: EntryRow): AuditEntry {
  return {
    id: row.id,
    at: row.at_key,
    actor: { subject: row.actor_subject, login: row.actor_login, roles: row.actor_roles },
    module: row.module,
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
    changedFields: row.changed_fields,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
  };
}
