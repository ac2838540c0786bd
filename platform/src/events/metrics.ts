import { Gauge } from 'prom-client';
import type { Database } from '../db/database.ts';
import type { Metrics } from '../observability/metrics.ts';
import { outboxPending } from './relay.ts';

/**
 * `pegase_outbox_pending`: events written but not yet delivered (inline) or
 * handed to the broker. A backlog that grows says delivery or the broker
 * lags; an autoscaler can add replicas on it. Read at each scrape, from the
 * outbox's partial index of pending rows.
 */
export function withOutboxGauge(metrics: Metrics, db: Database): Metrics {
  new Gauge({
    name: 'pegase_outbox_pending',
    help: 'Events in the transactional outbox not yet delivered (inline) or relayed to the broker.',
    registers: [metrics.registry],
    async collect() {
      try {
        this.set(await outboxPending(db));
      } catch {
        // The database is away: readiness says so; the gauge keeps its last value.
      }
    },
  });
  return metrics;
}
