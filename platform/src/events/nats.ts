import { connect, type NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { Logger } from '../observability/logger.ts';
import { brokerHosts, decodeEvent, encodeEvent, eventKey, partitionOf, sleep, type Broker } from './broker.ts';
import type { PegaseEvent } from './event.ts';

/**
 * Partitions of the events stream. An event's subject is
 * `<ns>.events.<partition>.<type>`, the partition drawn from its aggregate;
 * each module has one durable consumer per partition with at most one
 * message in flight, so replicas share a module's work while one
 * aggregate's events are taken one after the other, in order. Fixed: a
 * change would move aggregates between partitions.
 */
export const NATS_PARTITIONS = 8;

const ms = (millis: number) => millis * 1_000_000;

/** NATS JetStream: a stream of events and a stream of dead letters, namespaced. */
export class NatsBroker implements Broker {
  readonly description: string;
  private readonly servers: string[];
  private readonly namespace: string;
  private readonly logger: Logger;
  private connection: Promise<{ nc: NatsConnection; js: JetStreamClient; jsm: JetStreamManager }> | undefined;
  private closed = false;
  private readonly loops: Promise<void>[] = [];

  constructor(url: string, namespace: string, logger: Logger) {
    const hosts = brokerHosts(url);
    this.servers = hosts.map((host) => `nats://${host}`);
    this.description = `NATS ${hosts.join(',')}`;
    this.namespace = namespace;
    this.logger = logger;
  }

  private get stream() {
    return `${this.namespace}_events`;
  }

  private get deadLetterStream() {
    return `${this.namespace}_dead_letters`;
  }

  /** Connects once (the client reconnects by itself afterwards) and makes sure the streams exist. */
  private connect() {
    this.connection ??= (async () => {
      const nc = await connect({ servers: this.servers, maxReconnectAttempts: -1, reconnectTimeWait: 250, timeout: 5000, name: `pegase-${this.namespace}` });
      const jsm = await jetstreamManager(nc);
      await ensureStream(jsm, this.stream, [`${this.namespace}.events.>`]);
      await ensureStream(jsm, this.deadLetterStream, [`${this.namespace}.dead-letters.>`]);
      return { nc, js: jetstream(nc, { timeout: 5000 }), jsm };
    })();
    // A failed first connection is tried again at the next call.
    this.connection.catch(() => (this.connection = undefined));
    return this.connection;
  }

  async publish(events: PegaseEvent[]): Promise<void> {
    const { js } = await this.connect();
    // In order, each acknowledged before the next: the stream keeps the outbox's order. No message id:
    // a republished event is delivered again and the consumers' inboxes take it once.
    for (const event of events) {
      const partition = partitionOf(eventKey(event), NATS_PARTITIONS);
      await js.publish(`${this.namespace}.events.${partition}.${event.type}`, encodeEvent(event), { timeout: 5000 });
    }
  }

  async publishDeadLetter(letter: { consumer: string; event: PegaseEvent; error: string; attempts: number }): Promise<void> {
    const { js } = await this.connect();
    await js.publish(`${this.namespace}.dead-letters.${letter.consumer}`, JSON.stringify(letter), { msgID: `${letter.consumer}/${letter.event.id}` });
  }

  subscribe(group: string, deliver: (event: PegaseEvent) => Promise<void>): Promise<void> {
    for (let partition = 0; partition < NATS_PARTITIONS; partition++) this.loops.push(this.consumeLoop(`${group}-p${partition}`, partition, deliver));
    return Promise.resolve();
  }

  /**
   * Takes a durable consumer's messages one at a time. Everything, from
   * making sure the durable consumer exists, is tried again after a failure,
   * so that a broker that is down when Pégase starts, or goes down later,
   * only delays delivery.
   */
  private async consumeLoop(durable: string, partition: number, deliver: (event: PegaseEvent) => Promise<void>): Promise<void> {
    let backoff = 250;
    while (!this.closed) {
      try {
        const { js, jsm } = await this.connect();
        await jsm.consumers.add(this.stream, {
          durable_name: durable,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          filter_subject: `${this.namespace}.events.${partition}.>`,
          // One message in flight for the whole group: the next event of the partition waits for this one.
          max_ack_pending: 1,
          // An event not acknowledged in 30 s (its process died, or the ack was lost in an outage) is given again;
          // a delivery still at work (retries) says so every 10 s.
          ack_wait: ms(30_000),
        });
        const consumer = await js.consumers.get(this.stream, durable);
        const messages = await consumer.consume({ max_messages: 1, idle_heartbeat: 1000, expires: 5000 });
        this.active.add(messages);
        try {
          for await (const message of messages) {
            backoff = 250;
            const working = setInterval(() => message.working(), 10_000);
            try {
              await deliver(decodeEvent(message.string()));
            } finally {
              clearInterval(working);
            }
            // Acknowledged with a reply from the server: the event is not redelivered once we go on.
            await message.ackAck();
            if (this.closed) break;
          }
        } finally {
          this.active.delete(messages);
        }
      } catch (error) {
        if (this.closed) return;
        this.logger.warn({ err: error, durable }, 'NATS consumer interrupted; resuming');
      }
      if (!this.closed) {
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 5000);
      }
    }
  }

  private readonly active = new Set<{ stop(): void }>();

  async close(): Promise<void> {
    this.closed = true;
    for (const messages of this.active) messages.stop();
    const connection = this.connection;
    this.connection = undefined;
    if (connection === undefined) return;
    const { nc } = await connection.catch(() => ({ nc: undefined }));
    await Promise.race([Promise.allSettled(this.loops), sleep(2000)]);
    await nc?.close();
  }
}

async function ensureStream(jsm: JetStreamManager, name: string, subjects: string[]): Promise<void> {
  try {
    await jsm.streams.info(name);
  } catch {
    // Kept a week: consumers are expected to be far less behind; the outbox keeps the events for longer.
    await jsm.streams.add({ name, subjects, max_age: ms(7 * 24 * 3600_000) });
  }
}
