import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * One Prometheus registry per process (not the global one, so that tests can
 * build several apps side by side). Modules add their business gauges here.
 */
export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** Business events of the changes this process committed, by type (enrolments submitted, payments, marks…). */
  eventsCommitted: Counter<'type'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'pegase' });
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests, by method, route template and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // The business activity itself: its rate per pod (enrolments submitted a second…) is what an autoscaler follows at a peak.
  const eventsCommitted = new Counter({
    name: 'pegase_events_committed_total',
    help: 'Business events of the changes this process committed through its modules (e.g. enrolment.enrolment.submitted), by type.',
    labelNames: ['type'] as const,
    registers: [registry],
  });
  return { registry, httpDuration, eventsCommitted };
}
