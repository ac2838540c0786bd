import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import type { Actor, Scope } from '../auth/principal.ts';

export interface AuditRecord {
  /** `<entity>.<verb>`, e.g. `structure.updated`. */
  action: string;
  target: { type: string; id: string };
  /** The record before and after the change, as the API shows it (null when created or deleted). */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Who asks for a change, through which request, and where their rights apply. */
export interface Origin {
  requestId: string;
  actor: Actor;
  scope: Scope;
}

/** Bookkeeping fields that change with every write and say nothing of the change. */
const NOT_CHANGES = new Set(['version', 'updatedAt', 'createdAt']);

export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((key) => !NOT_CHANGES.has(key) && JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key])).sort();
}

/** Rows per statement: 12 parameters a row stays far below PostgreSQL's 65,535. */
const AUDIT_BATCH = 500;

/** Writes audit entries in the caller's transaction: the change and its trace commit together. */
export async function writeAudit(tx: Executor, module: string, records: AuditRecord[], origin: Origin): Promise<void> {
  for (let start = 0; start < records.length; start += AUDIT_BATCH) {
    await tx.execute(auditInsert(module, records.slice(start, start + AUDIT_BATCH), origin));
  }
}

/** The insert of some audit entries (at most AUDIT_BATCH), as a statement of its own or after an event's insert. */
export function auditInsert(module: string, records: AuditRecord[], origin: Origin): SQL {
  const rows = records.map(
    (record) => sql`(${randomUUID()}, ${origin.actor.subject}, ${origin.actor.login}, ${sql.param(origin.actor.roles)}::text[], ${module}, ${record.action},
      ${record.target.type}, ${record.target.id}, ${sql.param(changedFields(record.before, record.after))}::text[],
      ${record.before === null ? null : JSON.stringify(record.before)}::jsonb, ${record.after === null ? null : JSON.stringify(record.after)}::jsonb,
      ${origin.requestId})`,
  );
  return sql`
    insert into audit.entries (id, actor_subject, actor_login, actor_roles, module, action, target_type, target_id, changed_fields, before, after, request_id)
    values ${sql.join(rows, sql`, `)}`;
}

/** `referential.structure.updated` is the action `structure.updated` on a `structure`. */
export function auditRecordOf(eventType: string, subject: string, before: Record<string, unknown> | null, after: Record<string, unknown>): AuditRecord {
  const [, entity = eventType, verb = 'changed'] = eventType.split('.');
  return { action: `${entity}.${verb}`, target: { type: entity, id: subject }, before, after };
}
