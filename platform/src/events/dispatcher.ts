import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Transaction } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';
import type { PegaseEvent } from './event.ts';

/** A module's reaction to an event, run in a transaction with the inbox check. */
export interface EventHandler {
  /** Stable name recorded in the inbox, e.g. `registration.open-cursus`. */
  consumer: string;
  /** The event type it consumes. */
  event: string;
  handle(event: PegaseEvent, tx: Transaction): Promise<void>;
}

interface OutboxRow extends Record<string, unknown> {
  id: string;
  type: string;
  source: string;
  subject: string | null;
  time: string | Date;
  data: unknown;
  request_id: string | null;
  attempts: number;
}

export interface DispatcherOptions {
  pollMs: number;
  batchSize?: number;
  /**
   * Events of different subjects delivered at once. The events of one
   * subject (an enrolment, a learner…) are always delivered in order; each
   * handler takes its own transaction, so more at once means more
   * connections. 1 on the embedded database (one connection).
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
      const count = await this.deliverBatch();
      delivered += count;
      if (count === 0) return delivered;
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
    const claimed = await rowsOf<OutboxRow>(
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
    // One queue per subject, in outbox order; queues run side by side, a few at a time.
    const queues = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      const key = row.subject ?? row.id;
      const queue = queues.get(key);
      if (queue === undefined) queues.set(key, [row]);
      else queue.push(row);
    }
    const pending = [...queues.values()];
    const delivered: string[] = [];
    const worker = async () => {
      for (let queue = pending.shift(); queue !== undefined; queue = pending.shift()) {
        for (const row of queue) if (await this.deliver(row)) delivered.push(row.id);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 1, pending.length) }, worker));
    // Every event of the batch whose consumers all took it is marked in one statement.
    if (delivered.length > 0) {
      await this.db.execute(sql`
        update pegase_platform.outbox set published_at = now(), lease_until = null, last_error = null
         where id = any(${sql.param(delivered)}::uuid[])`);
    }
    return rows.length;
  }

  /** Hands one event to each of its consumers, each in its own transaction; true when all took it. */
  private async deliver(row: OutboxRow): Promise<boolean> {
    const event: PegaseEvent = {
      id: row.id,
      type: row.type,
      source: row.source,
      subject: row.subject,
      time: new Date(row.time).toISOString(),
      data: row.data,
      requestId: row.request_id,
    };
    const failures: string[] = [];
    for (const handler of this.handlers.get(event.type) ?? []) {
      try {
        await this.db.transaction(async (tx) => {
          const fresh = await rowsOf(
            tx,
            sql`
            insert into pegase_platform.inbox (consumer, event_id) values (${handler.consumer}, ${event.id})
            on conflict do nothing returning event_id`,
          );
          if (fresh.length > 0) await handler.handle(event, tx);
        });
      } catch (error) {
        failures.push(`${handler.consumer}: ${(error as Error).message}`);
        this.logger.warn({ err: error, eventId: event.id, eventType: event.type, consumer: handler.consumer }, 'event handler failed');
      }
    }
    if (failures.length === 0) return true;
    // Exponential back-off, capped at ten minutes, before the next attempt.
    const backoff = Math.min(600, 2 ** Math.min(row.attempts, 10));
    await this.db.execute(sql`
      update pegase_platform.outbox
         set lease_until = now() + make_interval(secs => ${backoff}), last_error = ${failures.join('; ')}
       where id = ${event.id}`);
    return false;
  }
}
