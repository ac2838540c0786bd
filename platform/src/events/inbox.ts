import { sql } from 'drizzle-orm';
import { rowsOf, type Transaction } from '../db/database.ts';
import type { EventHandler } from './dispatcher.ts';
import type { PegaseEvent } from './event.ts';

/**
 * Runs a consumer's handlers of one event in the caller's transaction unless
 * the inbox already has (consumer, event): the effect happens once however
 * often the broker delivers. Returns whether the handlers ran.
 */
export async function handleOnce(tx: Transaction, consumer: string, event: PegaseEvent, handlers: EventHandler[]): Promise<boolean> {
  const fresh = await rowsOf<{ event_id: string }>(
    tx,
    sql`insert into pegase_platform.inbox (consumer, event_id) values (${consumer}, ${event.id}) on conflict do nothing returning event_id`,
  );
  if (fresh.length === 0) return false;
  for (const handler of handlers) await handler.handle(event, tx);
  return true;
}
