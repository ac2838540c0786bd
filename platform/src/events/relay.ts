import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/database.ts';
import type { Broker } from './broker.ts';
import type { PegaseEvent } from './event.ts';
import { eventOfRow, type OutboxRow } from './outbox.ts';

/** Any fixed number: the advisory lock that makes one relay at a time publish, so that the broker gets the outbox's order. */
const RELAY_LOCK = 0x5e6a5e;

export interface RelayResult {
  /** Events the broker acknowledged and that are now marked published. */
  published: string[];
  /** Why the batch could not be published (the broker is down): it stays pending. */
  error?: Error;
  /** Another replica's relay held the lock. */
  busy?: boolean;
}

/**
 * Publishes the outbox to a broker, oldest first, and marks events published
 * only once the broker acknowledged them. When the broker is down, nothing is
 * marked: writes go on filling the outbox, and the next attempt (after a
 * back-off) publishes them. An event published but not marked (a crash in
 * between) is published again; consumers' inboxes take it once.
 */
export async function relayBatch(db: Database, broker: Broker, batchSize: number, beforePublish?: (events: PegaseEvent[]) => void): Promise<RelayResult> {
  return db.transaction(async (tx) => {
    const [lock] = await rowsOf<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${RELAY_LOCK}) as locked`);
    if (lock?.locked !== true) return { published: [], busy: true };
    const rows = await rowsOf<OutboxRow>(
      tx,
      sql`
      select id, type, source, subject, time, data, request_id from pegase_platform.outbox
       where published_at is null order by position limit ${batchSize}`,
    );
    if (rows.length === 0) return { published: [] };
    const events = rows.map(eventOfRow);
    const ids = events.map((event) => event.id);
    beforePublish?.(events);
    try {
      await broker.publish(events);
    } catch (error) {
      await tx.execute(sql`
        update pegase_platform.outbox set attempts = attempts + 1, last_error = ${`relay to ${broker.description}: ${(error as Error).message}`}
         where id = any(${sql.param(ids)}::uuid[])`);
      return { published: [], error: error as Error };
    }
    await tx.execute(sql`
      update pegase_platform.outbox set published_at = now(), attempts = attempts + 1, last_error = null
       where id = any(${sql.param(ids)}::uuid[])`);
    return { published: ids };
  });
}

/** Events written but not yet handed to the broker (or, inline, to every consumer). */
export async function outboxPending(db: Database): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from pegase_platform.outbox where published_at is null`);
  return row?.n ?? 0;
}
