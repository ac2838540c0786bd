/**
 * HAProxy for the rolling-restart benchmark: its configuration in front of
 * two replicas, and what its statistics page says about them.
 */

export interface HaproxyLayout {
  frontPort: number;
  statsPort: number;
  replicaPorts: [number, number];
}

/**
 * Health checks on /health/ready every 250 ms once a replica fails one (500 ms
 * otherwise): a replica that says it is shutting down is out of the rotation
 * within about half a second, and back after two good checks. A request whose
 * connection fails is sent again, to the other replica after the first retry;
 * a request that got no answer or a 5xx is sent again only when it is
 * idempotent (a POST is never repeated).
 */
export function haproxyConfig(layout: HaproxyLayout): string {
  const [first, second] = layout.replicaPorts;
  return `global
    maxconn 4096
    log stderr format short local0 warning

defaults
    mode http
    log global
    option httplog
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout http-keep-alive 10s
    retries 3
    option redispatch 1
    retry-on all-retryable-errors

frontend pegase
    bind 127.0.0.1:${layout.frontPort}
    default_backend replicas

backend replicas
    balance roundrobin
    http-request disable-l7-retry unless METH_GET or METH_PUT or METH_DELETE or METH_OPTIONS
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter 500ms fastinter 250ms downinter 250ms fall 2 rise 2
    server replica1 127.0.0.1:${first} check
    server replica2 127.0.0.1:${second} check

listen stats
    bind 127.0.0.1:${layout.statsPort}
    stats enable
    stats uri /stats
`;
}

export interface BackendStats {
  /** Replicas HAProxy sends requests to now. */
  up: number;
  /** Connection and request retries (wretr), of which redispatched to the other replica (wredis). */
  retries: number;
  redispatches: number;
  /** 5xx answers the replicas gave HAProxy (hrsp_5xx of the backend), retried or not. */
  serverErrors: number;
}

/** Reads HAProxy's CSV statistics (`/stats;csv`) for the `replicas` backend. */
export function retriesOf(csv: string): BackendStats {
  const [header, ...rows] = csv.trim().split('\n');
  const columns = (header ?? '').replace(/^# /, '').split(',');
  const column = (name: string) => {
    const at = columns.indexOf(name);
    if (at < 0) throw new Error(`HAProxy's statistics have no ${name} column`);
    return at;
  };
  const records = rows.map((row) => row.split(',')).filter((fields) => fields[column('pxname')] === 'replicas');
  const backend = records.find((fields) => fields[column('svname')] === 'BACKEND');
  if (backend === undefined) throw new Error('HAProxy reports no replicas backend');
  const servers = records.filter((fields) => fields[column('svname')] !== 'BACKEND');
  const number = (fields: string[], name: string) => Number(fields[column(name)] || 0);
  return {
    up: servers.filter((fields) => fields[column('status')] === 'UP').length,
    retries: number(backend, 'wretr'),
    redispatches: number(backend, 'wredis'),
    serverErrors: number(backend, 'hrsp_5xx'),
  };
}
