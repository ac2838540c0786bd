/**
 * Configuration comes only from environment variables (12-factor). Each variable
 * is declared once here with its form and default; `loadConfig` turns the
 * environment into a typed object or throws a ConfigError naming the first bad
 * variable. The README's table is checked against `configVariables`.
 */
export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, expected: string, got: string | undefined) {
    super(`${variable} must be ${expected}${got === undefined ? '' : ` (got "${got}")`}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

type Parser<T> = (raw: string) => T | undefined;

export interface Variable<T, D extends string | undefined = string | undefined> {
  name: string;
  description: string;
  expected: string;
  defaultValue: D;
  parse: Parser<T>;
}

function variable<T, D extends string | undefined>(name: string, expected: string, defaultValue: D, parse: Parser<T>, description: string): Variable<T, D> {
  return { name, expected, defaultValue, parse, description };
}

const integer =
  (min: number, max: number): Parser<number> =>
  (raw) => {
    if (!/^[0-9]+$/.test(raw)) return undefined;
    const n = Number(raw);
    return n >= min && n <= max ? n : undefined;
  };

const oneOf =
  <T extends string>(...values: T[]): Parser<T> =>
  (raw) =>
    (values as string[]).includes(raw) ? (raw as T) : undefined;

const postgresUrl: Parser<string> = (raw) => {
  try {
    const url = new URL(raw);
    return url.protocol === 'postgres:' || url.protocol === 'postgresql:' ? raw : undefined;
  } catch {
    return undefined;
  }
};

/** `inline`, or a broker URL: nats:// (JetStream) or kafka://, with one or more host:port. */
const eventTransport: Parser<string> = (raw) => {
  if (raw === 'inline') return raw;
  const match = /^(nats|kafka):\/\/([^/?#\s]+)\/?$/.exec(raw);
  if (match === null) return undefined;
  return match[2]!.split(',').every((host) => /^[A-Za-z0-9.-]+:[0-9]{1,5}$/.test(host) || /^\[[0-9a-fA-F:]+\]:[0-9]{1,5}$/.test(host))
    ? raw.replace(/\/$/, '')
    : undefined;
};

const httpUrl: Parser<string> = (raw) => {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? raw.replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
};

const nonEmpty: Parser<string> = (raw) => (raw.trim() === '' ? undefined : raw);

const urlList: Parser<string[]> = (raw) => {
  const urls = raw
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  const parsed = urls.map((u) => httpUrl(u));
  return urls.length > 0 && parsed.every((u) => u !== undefined) ? urls : undefined;
};

const claimName: Parser<string> = (raw) => (/^[A-Za-z0-9_.:-]{1,100}$/.test(raw) ? raw : undefined);

const roleNames = ['student', 'teacher', 'staff', 'admin', 'service'];
/** A JSON object from a provider's values to Pégase roles: {"faculty":"teacher","employee":"staff"}. */
const roleMap: Parser<Record<string, string>> = (raw) => {
  try {
    const value = JSON.parse(raw) as unknown;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    return Object.values(value).every((role) => roleNames.includes(role as string)) ? (value as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
};

const boolean: Parser<boolean> = (raw) => (raw === 'true' ? true : raw === 'false' ? false : undefined);

export const configVariables = {
  port: variable('PORT', 'an integer between 1 and 65535', '8080', integer(1, 65535), 'HTTP port of `pegase serve` (the `--port` flag wins).'),
  host: variable('HOST', 'an IP address or host name to listen on', '127.0.0.1', nonEmpty, 'Address to listen on. The container image sets 0.0.0.0.'),
  publicUrl: variable(
    'PEGASE_PUBLIC_URL',
    'an http(s) URL such as https://scolarite.example.fr',
    undefined,
    httpUrl,
    'External base URL, used in the OpenAPI `servers` list. Unset: `/`, the host that serves the document.',
  ),
  databaseUrl: variable(
    'DATABASE_URL',
    'a postgres:// URL such as postgres://user:password@host:5432/pegase',
    undefined,
    postgresUrl,
    'PostgreSQL connection. Unset: embedded PostgreSQL (PGlite) in PEGASE_DATA_DIR.',
  ),
  databasePoolMax: variable(
    'PEGASE_DB_POOL_MAX',
    'an integer between 1 and 1000',
    '10',
    integer(1, 1000),
    'Maximum connections in the PostgreSQL pool of one process.',
  ),
  dataDir: variable('PEGASE_DATA_DIR', 'a directory path', './data', nonEmpty, 'Where the embedded database keeps its files when DATABASE_URL is unset.'),
  events: variable(
    'PEGASE_EVENTS',
    'inline, nats://host:port or kafka://host:port[,host:port]',
    'inline',
    eventTransport,
    'Event transport. `inline` delivers events in-process from the transactional outbox; `nats://…` (JetStream) and `kafka://…` relay the outbox to a broker, one consumer group per module.',
  ),
  eventsNamespace: variable(
    'PEGASE_EVENTS_NAMESPACE',
    'lower-case letters, digits, - or _ (at most 40)',
    'pegase',
    (raw) => (/^[a-z0-9][a-z0-9_-]{0,39}$/.test(raw) ? raw : undefined),
    'Prefix of the broker streams, topics and consumer groups, so that several Pégase installations can share a broker.',
  ),
  eventsMaxAttempts: variable(
    'PEGASE_EVENTS_MAX_ATTEMPTS',
    'an integer between 1 and 100',
    '5',
    integer(1, 100),
    'Broker transports: attempts of a consumer at one event before it becomes a dead letter (`pegase events dead-letters`).',
  ),
  eventsRetryMs: variable(
    'PEGASE_EVENTS_RETRY_MS',
    'an integer between 1 and 60000 (milliseconds)',
    '500',
    integer(1, 60000),
    "Broker transports: the first retry's delay after a consumer failed; it doubles at each attempt.",
  ),
  eventsPollMs: variable(
    'PEGASE_EVENTS_POLL_MS',
    'an integer between 10 and 60000 (milliseconds)',
    '1000',
    integer(10, 60000),
    'How often the outbox is polled for events written by other replicas.',
  ),
  eventsConcurrency: variable(
    'PEGASE_EVENTS_CONCURRENCY',
    'an integer between 1 and 64',
    '4',
    integer(1, 64),
    'How many event consumers one process feeds at once (each takes its events in order, many to a transaction). The embedded database feeds one at a time.',
  ),
  migrateOnStart: variable(
    'PEGASE_MIGRATE_ON_START',
    'true or false',
    'true',
    boolean,
    'Apply pending migrations when `pegase serve` starts (under an advisory lock).',
  ),
  logLevel: variable(
    'LOG_LEVEL',
    'one of fatal, error, warn, info, debug, trace, silent',
    'info',
    oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
    'Level of the JSON logs written to standard output.',
  ),
  shutdownTimeoutMs: variable(
    'PEGASE_SHUTDOWN_TIMEOUT_MS',
    'an integer between 0 and 600000 (milliseconds)',
    '25000',
    integer(0, 600_000),
    'How long SIGTERM waits for in-flight requests before closing anyway.',
  ),
  shutdownDelayMs: variable(
    'PEGASE_SHUTDOWN_DELAY_MS',
    'an integer between 0 and 60000 (milliseconds)',
    '2000',
    integer(0, 60_000),
    'On SIGTERM, how long /health/ready answers 503 while requests are still served, so that a load balancer takes the replica out first.',
  ),
  trustProxy: variable('PEGASE_TRUST_PROXY', 'true or false', 'false', boolean, 'Trust X-Forwarded-* headers (set behind an ingress or reverse proxy).'),
  oidcIssuer: variable(
    'PEGASE_OIDC_ISSUER',
    'the http(s) URL of an OpenID provider (its issuer)',
    undefined,
    httpUrl,
    'Accept tokens of this external OpenID provider (Keycloak, a CAS server in OIDC mode…) instead of the embedded one.',
  ),
  oidcAudience: variable('PEGASE_OIDC_AUDIENCE', 'an audience name', 'pegase-api', nonEmpty, 'The `aud` that access tokens must carry.'),
  oidcRolesClaim: variable(
    'PEGASE_OIDC_ROLES_CLAIM',
    'a claim name',
    'pegase_roles',
    claimName,
    'Claim of an external token that holds the roles (a list or a space-separated string).',
  ),
  oidcStructuresClaim: variable(
    'PEGASE_OIDC_STRUCTURES_CLAIM',
    'a claim name',
    'pegase_structures',
    claimName,
    'Claim of an external token that holds the structure codes the rights apply to.',
  ),
  oidcLearnerClaim: variable(
    'PEGASE_OIDC_LEARNER_CLAIM',
    'a claim name',
    'learner_code',
    claimName,
    'Claim of an external token that holds a student’s learner code.',
  ),
  oidcRoleMap: variable(
    'PEGASE_OIDC_ROLE_MAP',
    'a JSON object from claim values to roles, e.g. {"faculty":"teacher"}',
    '{}',
    roleMap,
    'Maps the role values of an external provider to Pégase roles (student, teacher, staff, admin, service).',
  ),
  webRedirectUris: variable(
    'PEGASE_WEB_REDIRECT_URIS',
    'a comma-separated list of http(s) URLs',
    undefined,
    urlList,
    'Where the embedded provider may send the web application back after login. Unset: PEGASE_PUBLIC_URL/ and PEGASE_PUBLIC_URL/oidc-callback.',
  ),
  casUrl: variable(
    'PEGASE_CAS_URL',
    'the http(s) URL of a CAS server, e.g. https://cas.univ.fr/cas',
    undefined,
    httpUrl,
    'Offer login through this CAS server (protocol 3.0) on the embedded provider’s login page.',
  ),
  casRolesAttribute: variable(
    'PEGASE_CAS_ROLES_ATTRIBUTE',
    'an attribute name',
    'eduPersonAffiliation',
    claimName,
    'CAS attribute whose values give the roles.',
  ),
  casRoleMap: variable(
    'PEGASE_CAS_ROLE_MAP',
    'a JSON object from attribute values to roles',
    '{"student":"student","faculty":"teacher","teacher":"teacher","staff":"staff"}',
    roleMap,
    'Maps the values of the roles attribute (SupAnn affiliations by default) to Pégase roles.',
  ),
  casStructuresAttribute: variable(
    'PEGASE_CAS_STRUCTURES_ATTRIBUTE',
    'an attribute name',
    'supannEntiteAffectation',
    claimName,
    'CAS attribute holding the structure codes the rights apply to.',
  ),
  casLearnerAttribute: variable(
    'PEGASE_CAS_LEARNER_ATTRIBUTE',
    'an attribute name',
    'supannEtuId',
    claimName,
    'CAS attribute holding a student’s learner code.',
  ),
  tokenTtlSeconds: variable(
    'PEGASE_TOKEN_TTL_SECONDS',
    'an integer between 60 and 86400 (seconds)',
    '900',
    integer(60, 86_400),
    'Lifetime of the access tokens the embedded provider issues.',
  ),
  bodyLimitBytes: variable(
    'PEGASE_BODY_LIMIT_BYTES',
    'an integer between 1024 and 104857600',
    '1048576',
    integer(1024, 104_857_600),
    'Largest accepted request body.',
  ),
} as const;

type Variables = typeof configVariables;
export type Config = {
  [K in keyof Variables]: Variables[K] extends Variable<infer T, infer D> ? (D extends string ? T : T | undefined) : never;
};

/** Reads every variable; throws ConfigError on the first malformed one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(configVariables) as [string, Variable<unknown>][]) {
    const raw = env[spec.name];
    const value = raw === undefined || raw === '' ? spec.defaultValue : raw;
    if (value === undefined) {
      result[key] = undefined;
      continue;
    }
    const parsed = spec.parse(value);
    if (parsed === undefined) throw new ConfigError(spec.name, spec.expected, raw);
    result[key] = parsed;
  }
  return result as Config;
}
