import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import type { EventData, EventDefinition } from './event.ts';

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
  await tx.execute(sql`
    insert into pegase_platform.outbox (id, type, source, subject, data, request_id)
    values (${id}, ${definition.type}, ${source}, ${options.subject ?? null}, ${JSON.stringify(data)}::jsonb, ${options.requestId ?? null})`);
  return id;
}
