import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/database.ts';
import type { EventHandler } from './dispatcher.ts';
import type { PegaseEvent } from './event.ts';
import { handleOnce } from './inbox.ts';

export interface DeadLetter {
  id: string;
  consumer: string;
  event: PegaseEvent;
  error: string;
  attempts: number;
  failedAt: string;
}

interface DeadLetterRow extends Record<string, unknown> {
  id: string;
  consumer: string;
  event: PegaseEvent | string;
  error: string;
  attempts: number;
  failed_at: string | Date;
}

/** Records (or refreshes) a consumer's dead letter; returns its id. */
export async function recordDeadLetter(db: Database, consumer: string, event: PegaseEvent, error: string, attempts: number): Promise<string> {
  const [row] = await rowsOf<{ id: string }>(
    db,
    sql`
    insert into pegase_platform.dead_letters (consumer, event_id, event, error, attempts)
    values (${consumer}, ${event.id}, ${JSON.stringify(event)}::jsonb, ${error}, ${attempts})
    on conflict (consumer, event_id) do update set error = excluded.error, attempts = excluded.attempts, failed_at = now()
    returning id`,
  );
  return row!.id;
}

export async function listDeadLetters(db: Database): Promise<DeadLetter[]> {
  const rows = await rowsOf<DeadLetterRow>(
    db,
    sql`select id, consumer, event, error, attempts, failed_at from pegase_platform.dead_letters order by failed_at, id`,
  );
  return rows.map((row) => ({
    id: row.id,
    consumer: row.consumer,
    event: typeof row.event === 'string' ? (JSON.parse(row.event) as PegaseEvent) : row.event,
    error: row.error,
    attempts: row.attempts,
    failedAt: new Date(row.failed_at).toISOString(),
  }));
}

export interface ReplayOutcome {
  id: string;
  consumer: string;
  eventId: string;
  /** Undefined when the consumer took the event (the dead letter is gone). */
  error?: string;
}

/**
 * Hands dead letters to their consumer again, here and now, each in one
 * transaction with its inbox row and the removal of the dead letter: a
 * replay that succeeds leaves no letter, one that fails leaves it with the
 * new error, and an event the consumer had taken meanwhile has no second
 * effect. It needs no broker, so it works during an outage too.
 */
export async function replayDeadLetters(db: Database, handlers: EventHandler[], ids: string[] | 'all'): Promise<ReplayOutcome[]> {
  const letters = (await listDeadLetters(db)).filter((letter) => ids === 'all' || ids.includes(letter.id));
  const outcomes: ReplayOutcome[] = [];
  for (const letter of letters) {
    const outcome: ReplayOutcome = { id: letter.id, consumer: letter.consumer, eventId: letter.event.id };
    const consumerHandlers = handlers.filter((handler) => handler.consumer === letter.consumer && handler.event === letter.event.type);
    try {
      if (consumerHandlers.length === 0) throw new Error(`no consumer ${letter.consumer} of ${letter.event.type} in this version of Pégase`);
      await db.transaction(async (tx) => {
        await handleOnce(tx, letter.consumer, letter.event, consumerHandlers);
        await tx.execute(sql`delete from pegase_platform.dead_letters where id = ${letter.id}`);
      });
    } catch (error) {
      outcome.error = (error as Error).message;
      await db.execute(
        sql`update pegase_platform.dead_letters set error = ${outcome.error}, attempts = attempts + 1, failed_at = now() where id = ${letter.id}`,
      );
    }
    outcomes.push(outcome);
  }
  return outcomes;
}
