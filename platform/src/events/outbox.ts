import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import type { EventData, EventDefinition, PegaseEvent } from './event.ts';

export interface PublishOptions {
  subject?: string;
  requestId?: string;
}

/**
 * Writes an event into the outbox with the caller's transaction, so that the
 * event exists if and only if the change it announces was committed.
 */
export async function writeToOutbox<E extends EventDefinition>(
  tx: Executor,
  source: string,
  definition: E,
  data: EventData<E>,
  options: PublishOptions = {},
): Promise<string> {
  const id = randomUUID();
  await tx.execute(outboxInsert(id, source, definition, data, options));
  return id;
}

/** The insert of one event, as a statement of its own or inside another (with its audit entry: one round trip). */
export function outboxInsert<E extends EventDefinition>(id: string, source: string, definition: E, data: EventData<E>, options: PublishOptions = {}): SQL {
  return sql`
    insert into pegase_platform.outbox (id, type, source, subject, data, request_id)
    values (${id}, ${definition.type}, ${source}, ${options.subject ?? null}, ${JSON.stringify(data)}::jsonb, ${options.requestId ?? null})`;
}

export interface OutboxItem<D> {
  data: D;
  subject?: string;
}

/** Rows per statement: 6 parameters a row stays far below PostgreSQL's 65,535. */
const OUTBOX_BATCH = 1000;

/**
 * Writes many events of one type in a few multi-row inserts (an import of
 * thousands of values costs a handful of round trips, not one per event).
 */
export async function writeManyToOutbox<E extends EventDefinition>(
  tx: Executor,
  source: string,
  definition: E,
  items: OutboxItem<EventData<E>>[],
  options: { requestId?: string } = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < items.length; start += OUTBOX_BATCH) {
    const rows = items.slice(start, start + OUTBOX_BATCH).map((item) => {
      const id = randomUUID();
      ids.push(id);
      return sql`(${id}, ${definition.type}, ${source}, ${item.subject ?? null}, ${JSON.stringify(item.data)}::jsonb, ${options.requestId ?? null})`;
    });
    await tx.execute(sql`insert into pegase_platform.outbox (id, type, source, subject, data, request_id) values ${sql.join(rows, sql`, `)}`);
  }
  return ids;
}

/** An outbox row as the transports read it. */
export interface OutboxRow extends Record<string, unknown> {
  id: string;
  type: string;
  source: string;
  subject: string | null;
  time: string | Date;
  data: unknown;
  request_id: string | null;
}

/** The event an outbox row holds, as handlers and brokers get it. */
export function eventOfRow(row: OutboxRow): PegaseEvent {
  return {
    id: row.id,
    type: row.type,
    source: row.source,
    subject: row.subject,
    time: new Date(row.time).toISOString(),
    data: row.data,
    requestId: row.request_id,
  };
}
