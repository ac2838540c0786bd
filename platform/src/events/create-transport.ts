import type { Database } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';
import { BrokerTransport } from './broker-transport.ts';
import { InlineDispatcher } from './dispatcher.ts';
import { KafkaBroker } from './kafka.ts';
import { NatsBroker } from './nats.ts';
import type { EventTransport } from './transport.ts';

export interface TransportSettings {
  /** `inline`, `nats://host:port[,host:port]` or `kafka://host:port[,host:port]`. */
  events: string;
  namespace: string;
  pollMs: number;
  concurrency: number;
  maxAttempts: number;
  retryMs: number;
}

/** The transport that PEGASE_EVENTS names. */
export function createEventTransport(db: Database, logger: Logger, settings: TransportSettings): EventTransport {
  if (settings.events === 'inline') return new InlineDispatcher(db, logger, { pollMs: settings.pollMs, concurrency: settings.concurrency });
  const broker = settings.events.startsWith('nats://')
    ? new NatsBroker(settings.events, settings.namespace, logger)
    : new KafkaBroker(settings.events, settings.namespace, logger);
  return new BrokerTransport(db, broker, logger, { pollMs: settings.pollMs, maxAttempts: settings.maxAttempts, retryMs: settings.retryMs });
}
