import type { PegaseEvent } from './event.ts';

/**
 * What the broker transport needs of a broker client (NATS JetStream or
 * Kafka). Events travel as their JSON, keyed by their subject (the aggregate
 * they are about), so that a broker keeps one aggregate's events in order.
 */
export interface Broker {
  /** Describes the broker for logs, without credentials. */
  readonly description: string;
  /** Publishes in the given order; resolves once the broker acknowledged every event. */
  publish(events: PegaseEvent[]): Promise<void>;
  /** Copies a dead letter to the broker's dead-letter stream or topic, for tools that watch it. */
  publishDeadLetter(letter: { consumer: string; event: PegaseEvent; error: string; attempts: number }): Promise<void>;
  /**
   * Joins the consumer group `group`: `deliver` gets the events of one
   * aggregate one at a time, in order, and the broker forgets an event only
   * once `deliver` resolved (at-least-once). The subscription starts in the
   * background and outlives broker outages (also one at start-up) until `close`.
   */
  subscribe(group: string, deliver: (event: PegaseEvent) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** The host:port list of a broker URL such as `kafka://k1:9092,k2:9092` (which URL parsers refuse). */
export function brokerHosts(url: string): string[] {
  return url
    .replace(/^[a-z]+:\/\//, '')
    .replace(/\/$/, '')
    .split(',');
}

/** The key that keeps an aggregate's events in order: its subject, else the event itself. */
export function eventKey(event: PegaseEvent): string {
  return event.subject ?? event.id;
}

/** FNV-1a: a stable partition for a key, the same in every process. */
export function partitionOf(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}

export function encodeEvent(event: PegaseEvent): string {
  return JSON.stringify(event);
}

export function decodeEvent(text: string): PegaseEvent {
  return JSON.parse(text) as PegaseEvent;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
