import type { EventHandler } from './dispatcher.ts';

/**
 * What the runtime asks of an event transport, whichever it is: `inline`
 * (the dispatcher of this process) or a broker (NATS JetStream, Kafka). In
 * all of them the outbox is the source of truth and the inbox makes each
 * consumer's effect happen once.
 */
export interface EventTransport {
  register(handler: EventHandler): void;
  /** Delivers in the background until `stop`. */
  start(): void;
  /** Called after a commit that wrote events: relay or deliver them now. */
  wake(): void;
  stop(): Promise<void>;
  /** Delivers until nothing written so far is pending (tests, the sandbox). Returns the events taken from the outbox. */
  drain(): Promise<number>;
}
