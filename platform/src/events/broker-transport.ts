import type { Database } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';
import { sleep, type Broker } from './broker.ts';
import { recordDeadLetter } from './dead-letters.ts';
import type { EventHandler } from './dispatcher.ts';
import type { PegaseEvent } from './event.ts';
import { handleOnce } from './inbox.ts';
import { relayBatch } from './relay.ts';
import type { EventTransport } from './transport.ts';

export interface BrokerTransportOptions {
  pollMs: number;
  /** Attempts of a consumer at one event before it becomes a dead letter. */
  maxAttempts: number;
  /** First retry delay; it doubles at each attempt. */
  retryMs: number;
  batchSize?: number;
  /** How long `drain` waits for the consumers before it gives up. */
  drainTimeoutMs?: number;
}

/** The relay backs off at most this long while the broker is down, so that delivery resumes soon after it is back. */
const RELAY_BACKOFF_CAP_MS = 10_000;

/**
 * Events through a broker: a relay publishes the outbox, and each module is a
 * consumer group (Kafka group, NATS durable consumers) whose handlers run
 * with the inbox, so each effect happens once. A handler that fails is
 * retried with exponential back-off, the module's later events of the same
 * aggregate waiting meanwhile (order is kept); after `maxAttempts` the event
 * becomes a dead letter for that consumer and the module moves on.
 */
export class BrokerTransport implements EventTransport {
  private readonly handlers = new Map<string, EventHandler[]>();
  private subscribed: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private relaying: Promise<void> | undefined;
  private wakeRequested = false;
  private stopped = true;
  private closed = false;
  private relayBackoffMs = 0;
  /** Events a `drain` waits for, with the groups that have not taken them yet. */
  private readonly awaited = new Map<string, Set<string>>();

  private readonly db: Database;
  private readonly broker: Broker;
  private readonly logger: Logger;
  private readonly options: BrokerTransportOptions;

  constructor(db: Database, broker: Broker, logger: Logger, options: BrokerTransportOptions) {
    this.db = db;
    this.broker = broker;
    this.logger = logger;
    this.options = options;
  }

  register(handler: EventHandler): void {
    const group = groupOf(handler);
    const list = this.handlers.get(group) ?? [];
    list.push(handler);
    this.handlers.set(group, list);
  }

  start(): void {
    this.stopped = false;
    void this.subscribe().catch((error: unknown) => this.logger.error({ err: error }, 'event consumers could not subscribe'));
    this.schedule(0);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.relaying) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.relaying;
    await this.subscribed?.catch(() => undefined);
    await this.broker.close();
  }

  /**
   * Publishes everything pending (retrying while the broker is away), then
   * waits until every consumer group took every event it published.
   */
  async drain(): Promise<number> {
    await this.subscribe();
    const deadline = Date.now() + (this.options.drainTimeoutMs ?? 60_000);
    const groups = [...this.handlers.keys()];
    let relayed = 0;
    let backoff = 100;
    for (;;) {
      if (this.relaying) await this.relaying;
      const result = await relayBatch(this.db, this.broker, this.options.batchSize ?? 100, (events) => {
        if (groups.length > 0) for (const event of events) this.awaited.set(event.id, new Set(groups));
      });
      if (result.error !== undefined || result.busy === true) {
        if (Date.now() > deadline)
          throw new Error(`events could not be relayed to ${this.broker.description}: ${result.error?.message ?? 'another relay holds the lock'}`);
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 2000);
        continue;
      }
      relayed += result.published.length;
      if (result.published.length === 0) break;
    }
    while (this.awaited.size > 0) {
      if (Date.now() > deadline) {
        const [first] = this.awaited;
        throw new Error(`${this.awaited.size} event(s) not taken by every consumer group in time, e.g. ${first![0]} by ${[...first![1]].join(', ')}`);
      }
      await sleep(10);
    }
    return relayed;
  }

  private subscribe(): Promise<void> {
    this.subscribed ??= (async () => {
      for (const [group, handlers] of this.handlers) await this.broker.subscribe(group, (event) => this.deliver(group, handlers, event));
    })();
    return this.subscribed;
  }

  /** One event to one module: each of its consumers once, retried, then dead-lettered. */
  private async deliver(group: string, handlers: EventHandler[], event: PegaseEvent): Promise<void> {
    const byConsumer = new Map<string, EventHandler[]>();
    for (const handler of handlers) {
      if (handler.event !== event.type) continue;
      byConsumer.set(handler.consumer, [...(byConsumer.get(handler.consumer) ?? []), handler]);
    }
    for (const [consumer, consumerHandlers] of byConsumer) await this.deliverToConsumer(consumer, consumerHandlers, event);
    const waiting = this.awaited.get(event.id);
    if (waiting !== undefined) {
      waiting.delete(group);
      if (waiting.size === 0) this.awaited.delete(event.id);
    }
  }

  private async deliverToConsumer(consumer: string, handlers: EventHandler[], event: PegaseEvent): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.transaction((tx) => handleOnce(tx, consumer, event, handlers));
        return;
      } catch (error) {
        const message = (error as Error).message;
        this.logger.warn({ err: error, eventId: event.id, eventType: event.type, consumer, attempt }, 'event handler failed');
        if (attempt >= this.options.maxAttempts) {
          await this.deadLetter(consumer, event, message, attempt);
          return;
        }
        if (this.closed) throw error;
        await sleep(this.options.retryMs * 2 ** (attempt - 1));
      }
    }
  }

  /** Recorded in the database (the command lists and replays from there) and copied to the broker's dead-letter stream. */
  private async deadLetter(consumer: string, event: PegaseEvent, error: string, attempts: number): Promise<void> {
    // Until the dead letter is written, the event is not acknowledged: the broker gives it again.
    for (let wait = this.options.retryMs; ; wait = Math.min(wait * 2, 30_000)) {
      try {
        await recordDeadLetter(this.db, consumer, event, error, attempts);
        break;
      } catch (failure) {
        if (this.closed) throw failure;
        this.logger.error({ err: failure, eventId: event.id, consumer }, 'dead letter not recorded; retrying');
        await sleep(wait);
      }
    }
    this.logger.error({ eventId: event.id, eventType: event.type, consumer, attempts, error }, 'event dead-lettered');
    await this.broker.publishDeadLetter({ consumer, event, error, attempts }).catch((failure: unknown) => {
      this.logger.warn({ err: failure, eventId: event.id, consumer }, 'dead letter not copied to the broker (it is in the database)');
    });
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.relaying) return;
    let next = this.options.pollMs;
    this.relaying = (async () => {
      try {
        do {
          this.wakeRequested = false;
          for (;;) {
            const result = await relayBatch(this.db, this.broker, this.options.batchSize ?? 100);
            if (result.error !== undefined) {
              // The broker is away: back off, doubling up to a cap; the outbox keeps the events.
              this.relayBackoffMs = Math.min(Math.max(this.relayBackoffMs * 2, 250), RELAY_BACKOFF_CAP_MS);
              this.logger.warn({ err: result.error, retryInMs: this.relayBackoffMs }, 'events not relayed: broker unavailable');
              next = this.relayBackoffMs;
              return;
            }
            this.relayBackoffMs = 0;
            if (result.published.length === 0 || this.stopped) break;
          }
        } while (this.wakeRequested && !this.stopped);
      } catch (error) {
        this.logger.error({ err: error }, 'event relay failed; retrying at the next poll');
      }
    })();
    await this.relaying;
    this.relaying = undefined;
    if (!this.stopped) this.schedule(next);
  }
}

/** A module's consumers share its group: `registration.open-cursus` is in `registration`. */
function groupOf(handler: EventHandler): string {
  return handler.consumer.split('.')[0]!;
}
