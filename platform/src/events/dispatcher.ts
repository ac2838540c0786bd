import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Transaction } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';
import type { PegaseEvent } from './event.ts';
import { eventOfRow, type OutboxRow } from './outbox.ts';

/** A module's reaction to an event, run in a transaction with the inbox check. */
export interface EventHandler {
  /** Stable name recorded in the inbox, e.g. `registration.open-cursus`. */
  consumer: string;
  /** The event type it consumes. */
  event: string;
  handle(event: PegaseEvent, tx: Transaction): Promise<void>;
}

interface ClaimedRow extends OutboxRow {
  attempts: number;
}

export interface DispatcherOptions {
  pollMs: number;
  batchSize?: number;
  /**
   * Consumers fed at once. Each consumer takes its events in outbox order,
   * many to a transaction; consumers are independent (each its read model
   * and its inbox), so they run side by side, each on a connection of its
   * own. 1 on the embedded database (one connection).
   */
  concurrency?: number;
  /** How long a claimed batch stays with this process before another may retry it. */
  leaseSeconds?: number;
}

/**
 * Inline transport: delivers outbox events to the handlers of this process.
 * Batches are claimed with a lease (`FOR UPDATE SKIP LOCKED`), so replicas
 * share the work and an event whose process died is retried after the lease.
 * Delivery is at least once; the inbox makes each handler's effect happen once.
 * Under load a consumer takes up to 50 events in one transaction, so that a
 * peak of small events costs few commits.
 */
export class InlineDispatcher {
  private readonly handlers = new Map<string, EventHandler[]>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private wakeRequested = false;
  private stopped = true;

  private readonly db: Database;
  private readonly logger: Logger;
  private readonly options: DispatcherOptions;

  constructor(db: Database, logger: Logger, options: DispatcherOptions) {
    this.db = db;
    this.logger = logger;
    this.options = options;
  }

  register(handler: EventHandler): void {
    const list = this.handlers.get(handler.event) ?? [];
    list.push(handler);
    this.handlers.set(handler.event, list);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Called after a commit that wrote events: deliver now rather than at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Delivers until nothing is pending (tests and the `pegase` command use it). */
  async drain(): Promise<number> {
    let delivered = 0;
    for (;;) {
      // A delivery woken by a commit may hold the lease of the last events: they are delivered when it ends, not skipped.
      if (this.running) await this.running;
      const count = await this.deliverBatch();
      delivered += count;
      if (count === 0 && this.running === undefined) return delivered;
    }
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.running) return;
    this.running = (async () => {
      try {
        do {
          this.wakeRequested = false;
          while (!this.stopped && (await this.deliverBatch()) > 0);
        } while (this.wakeRequested && !this.stopped);
      } catch (error) {
        this.logger.error({ err: error }, 'event delivery failed; retrying at the next poll');
      }
    })();
    await this.running;
    this.running = undefined;
    if (!this.stopped) this.schedule(this.options.pollMs);
  }

  /** Claims one batch, delivers it, returns how many events it handled. */
  async deliverBatch(): Promise<number> {
    const batchSize = this.options.batchSize ?? 100;
    const lease = this.options.leaseSeconds ?? 30;
    const claimed = await rowsOf<ClaimedRow>(
      this.db,
      sql`
      update pegase_platform.outbox o
         set lease_until = now() + make_interval(secs => ${lease}), attempts = o.attempts + 1
       where o.id in (
         select id from pegase_platform.outbox
          where published_at is null and (lease_until is null or lease_until < now())
          order by position
          limit ${batchSize}
          for update skip locked)
      returning o.id, o.type, o.source, o.subject, o.time, o.data, o.request_id, o.attempts, o.position`,
    );
    const rows = claimed.sort((a, b) => Number(a['position']) - Number(b['position']));
    const events = rows.map(eventOfRow);
    // Each consumer takes its events of the batch in outbox order, in a few transactions; consumers run side by side.
    const work = new Map<string, { handler: EventHandler; event: PegaseEvent }[]>();
    for (const event of events) {
      for (const handler of this.handlers.get(event.type) ?? []) {
        const list = work.get(handler.consumer) ?? [];
        // One consumer takes an event once, whatever its handlers (the inbox is by consumer).
        if (!list.some((item) => item.event.id === event.id)) list.push({ handler, event });
        work.set(handler.consumer, list);
      }
    }
    const failures = new Map<string, string[]>();
    const queues = [...work.entries()];
    const worker = async () => {
      for (let next = queues.shift(); next !== undefined; next = queues.shift()) {
        const [consumer, items] = next;
        for (const failure of await this.deliverToConsumer(consumer, items)) {
          const list = failures.get(failure.eventId) ?? [];
          list.push(`${consumer}: ${failure.message}`);
          failures.set(failure.eventId, list);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 1, queues.length) }, worker));

    // Every event whose consumers all took it is marked in one statement; the others wait, backing off.
    const delivered = rows.filter((row) => !failures.has(row.id)).map((row) => row.id);
    if (delivered.length > 0) {
      await this.db.execute(sql`
        update pegase_platform.outbox set published_at = now(), lease_until = null, last_error = null
         where id = any(${sql.param(delivered)}::uuid[])`);
    }
    for (const row of rows) {
      const reasons = failures.get(row.id);
      if (reasons === undefined) continue;
      // Exponential back-off, capped at ten minutes, before the next attempt.
      const backoff = Math.min(600, 2 ** Math.min(row.attempts, 10));
      await this.db.execute(sql`
        update pegase_platform.outbox
           set lease_until = now() + make_interval(secs => ${backoff}), last_error = ${reasons.join('; ')}
         where id = ${row.id}`);
    }
    return rows.length;
  }

  /**
   * Hands a consumer its events, in order, a chunk per transaction (the
   * inbox rows with them). A chunk that fails is taken again one event per
   * transaction, so that one bad event does not hold back the others; the
   * events that still fail are returned.
   */
  private async deliverToConsumer(consumer: string, items: { handler: EventHandler; event: PegaseEvent }[]): Promise<{ eventId: string; message: string }[]> {
    const failed: { eventId: string; message: string }[] = [];
    for (let start = 0; start < items.length; start += CHUNK) {
      const chunk = items.slice(start, start + CHUNK);
      try {
        await this.handleInOneTransaction(consumer, chunk);
      } catch (error) {
        if (chunk.length === 1) {
          this.logFailure(error, consumer, chunk[0]!.event);
          failed.push({ eventId: chunk[0]!.event.id, message: (error as Error).message });
          continue;
        }
        for (const item of chunk) {
          try {
            await this.handleInOneTransaction(consumer, [item]);
          } catch (single) {
            this.logFailure(single, consumer, item.event);
            failed.push({ eventId: item.event.id, message: (single as Error).message });
          }
        }
      }
    }
    return failed;
  }

  private async handleInOneTransaction(consumer: string, items: { handler: EventHandler; event: PegaseEvent }[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      const fresh = await rowsOf<{ event_id: string }>(
        tx,
        sql`
        insert into pegase_platform.inbox (consumer, event_id)
        select ${consumer}, unnest(${sql.param(items.map((item) => item.event.id))}::uuid[])
        on conflict do nothing returning event_id`,
      );
      const toHandle = new Set(fresh.map((row) => row.event_id));
      for (const item of items) if (toHandle.has(item.event.id)) await item.handler.handle(item.event, tx);
    });
  }

  private logFailure(error: unknown, consumer: string, event: PegaseEvent): void {
    this.logger.warn({ err: error, eventId: event.id, eventType: event.type, consumer }, 'event handler failed');
  }
}

/** Events a consumer takes in one transaction: few commits under load, a small redo when one fails. */
const CHUNK = 50;
