import { Admin, Consumer, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';
import type { Logger } from '../observability/logger.ts';
import { brokerHosts, decodeEvent, encodeEvent, eventKey, sleep, type Broker } from './broker.ts';
import type { PegaseEvent } from './event.ts';

/** Partitions of the events topic (created with the broker's default replication): up to this many replicas share a module's work. */
export const KAFKA_PARTITIONS = 8;

/**
 * Kafka: a topic of events keyed by aggregate (Kafka's partitioner puts one
 * key in one partition, so one aggregate's events stay in order), a topic of
 * dead letters, and a consumer group per module that commits an event's
 * offset only once the module took it.
 */
export class KafkaBroker implements Broker {
  readonly description: string;
  private readonly brokers: string[];
  private readonly namespace: string;
  private readonly logger: Logger;
  private producer: Producer<string, string, string, string> | undefined;
  private topicsReady: Promise<void> | undefined;
  private closed = false;
  private readonly consumers = new Set<Consumer<string, string, string, string>>();
  private readonly loops: Promise<void>[] = [];

  constructor(url: string, namespace: string, logger: Logger) {
    this.brokers = brokerHosts(url);
    this.description = `Kafka ${this.brokers.join(',')}`;
    this.namespace = namespace;
    this.logger = logger;
  }

  private get topic() {
    return `${this.namespace}.events`;
  }

  private get deadLetterTopic() {
    return `${this.namespace}.dead-letters`;
  }

  private base(clientId: string) {
    // Few retries inside the client: the relay and the consumers have their own back-off across outages.
    return { clientId, bootstrapBrokers: this.brokers, retries: 2, retryDelay: 250, timeout: 5000 };
  }

  private ensureTopics(): Promise<void> {
    this.topicsReady ??= (async () => {
      const admin = new Admin(this.base(`pegase-${this.namespace}-admin`));
      try {
        const existing = new Set(await admin.listTopics());
        const missing = [this.topic, this.deadLetterTopic].filter((topic) => !existing.has(topic));
        if (missing.length > 0) await admin.createTopics({ topics: missing, partitions: KAFKA_PARTITIONS, replicas: -1 });
      } finally {
        await admin.close();
      }
    })();
    this.topicsReady.catch(() => (this.topicsReady = undefined));
    return this.topicsReady;
  }

  private getProducer(): Producer<string, string, string, string> {
    this.producer ??= new Producer({ ...this.base(`pegase-${this.namespace}-relay`), serializers: stringSerializers, acks: -1, idempotent: true });
    return this.producer;
  }

  async publish(events: PegaseEvent[]): Promise<void> {
    await this.ensureTopics();
    // One request, in order; acknowledged by all in-sync replicas.
    await this.getProducer().send({
      messages: events.map((event) => ({ topic: this.topic, key: eventKey(event), value: encodeEvent(event), headers: { type: event.type } })),
    });
  }

  async publishDeadLetter(letter: { consumer: string; event: PegaseEvent; error: string; attempts: number }): Promise<void> {
    await this.ensureTopics();
    await this.getProducer().send({ messages: [{ topic: this.deadLetterTopic, key: letter.consumer, value: JSON.stringify(letter) }] });
  }

  subscribe(group: string, deliver: (event: PegaseEvent) => Promise<void>): Promise<void> {
    this.loops.push(this.consumeLoop(group, deliver));
    return Promise.resolve();
  }

  /**
   * The group's stream, taken one event at a time, each committed after it
   * was taken. Everything, from making sure the topics exist, is tried again
   * after a failure: a broker down at start-up or later only delays delivery.
   */
  private async consumeLoop(group: string, deliver: (event: PegaseEvent) => Promise<void>): Promise<void> {
    let backoff = 250;
    while (!this.closed) {
      const consumer = new Consumer({
        ...this.base(`pegase-${this.namespace}-${group}`),
        groupId: `${this.namespace}.${group}`,
        deserializers: stringDeserializers,
        sessionTimeout: 10_000,
        heartbeatInterval: 1000,
        // Longer than a handler's retries: a slow event does not cost the partition.
        rebalanceTimeout: 5 * 60_000,
      });
      this.consumers.add(consumer);
      try {
        await this.ensureTopics();
        const stream = await consumer.consume({ topics: [this.topic], autocommit: false, mode: 'committed', fallbackMode: 'earliest', maxWaitTime: 500 });
        for await (const message of stream) {
          backoff = 250;
          await deliver(decodeEvent(message.value));
          await message.commit();
          if (this.closed) break;
        }
      } catch (error) {
        if (!this.closed) this.logger.warn({ err: error, group }, 'Kafka consumer interrupted; joining again');
      } finally {
        this.consumers.delete(consumer);
        await consumer.close(true).catch(() => undefined);
      }
      if (!this.closed) {
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 5000);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.consumers].map((consumer) => consumer.close(true).catch(() => undefined)));
    await Promise.race([Promise.allSettled(this.loops), sleep(5000)]);
    await this.producer?.close().catch(() => undefined);
  }
}
