import { sql, type SQL } from 'drizzle-orm';
import { Type, type Static } from 'typebox';
import { rowsOf, type Executor } from '../db/database.ts';
import { decodeCursor, encodeCursor, pageOf } from '../http/pagination.ts';

/** One audit entry as the API shows it: who changed what, when, from which value to which. */
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

/** A page of audit entries, newest first: `{ items, nextCursor }`. */
export const AuditEntryPage = pageOf(AuditEntry);
export type AuditEntryPage = Static<typeof AuditEntryPage>;

/** Which entries to list; every filter is optional and they combine with "and". */
export interface AuditFilters {
  /** The module that wrote the entry, e.g. `referential`. */
  module?: string | undefined;
  /** e.g. `structure`, `nomenclature-value`. */
  targetType?: string | undefined;
  /** The id or code of the record (the event's subject). */
  targetId?: string | undefined;
  /** Subject or login of who made the change. */
  actor?: string | undefined;
  /** Changes at or after this instant (ISO 8601). */
  from?: string | undefined;
  /** Changes before this instant (ISO 8601). */
  to?: string | undefined;
}

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

/** The audit trail is always read newest first. */
const SORT = '-at';

/**
 * Lists audit entries newest first, `limit` at a time, paged by keyset on
 * (at desc, id): pass the returned `nextCursor` back as `cursor` with the same
 * filters for the next page.
 */
export async function listAuditEntries(db: Executor, filters: AuditFilters, limit: number, cursor?: string): Promise<AuditEntryPage> {
  const after = decodeCursor(cursor, SORT);
  const conditions: SQL[] = [sql`true`];
  if (filters.module !== undefined) conditions.push(sql`module = ${filters.module}`);
  if (filters.targetType !== undefined) conditions.push(sql`target_type = ${filters.targetType}`);
  if (filters.targetId !== undefined) conditions.push(sql`target_id = ${filters.targetId}`);
  if (filters.actor !== undefined) conditions.push(sql`(actor_subject = ${filters.actor} or actor_login = ${filters.actor})`);
  if (filters.from !== undefined) conditions.push(sql`at >= ${filters.from}::timestamptz`);
  if (filters.to !== undefined) conditions.push(sql`at < ${filters.to}::timestamptz`);
  // Keyset on (at desc, id): the cursor keeps the microseconds a JS date would lose.
  if (after !== undefined) conditions.push(sql`(at < ${after.value}::timestamptz or (at = ${after.value}::timestamptz and id > ${after.id}::uuid))`);
  const rows = await rowsOf<EntryRow>(
    db,
    sql`select *, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key
          from audit.entries where ${sql.join(conditions, sql` and `)}
         order by at desc, id limit ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toEntry),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(SORT, last.at_key, last.id) : null,
  };
}

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
