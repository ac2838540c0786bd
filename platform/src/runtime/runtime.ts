import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { accountsOfLearner, createLocalAccount } from '../auth/accounts.ts';
import { DatabaseFileStore } from '../storage/file-store.ts';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/env.ts';
import { openDatabase, type DatabaseHandle, type DatabaseLocation } from '../db/database.ts';
import { loadMigrations, migrate, pendingMigrations, type Migration, type MigrationSource } from '../db/migrations.ts';
import { createEventTransport } from '../events/create-transport.ts';
import { withOutboxGauge } from '../events/metrics.ts';
import type { EventTransport } from '../events/transport.ts';
import type { EventHandler } from '../events/dispatcher.ts';
import { outboxInsert, writeManyToOutbox } from '../events/outbox.ts';
import { auditModule } from '../audit/audit-module.ts';
import { auditInsert, auditRecordOf, writeAudit } from '../audit/audit-trail.ts';
import { buildHttpApp } from '../http/app.ts';
import type { ModuleContext, PegaseModule } from '../module/module.ts';
import { createLogger, type Logger } from '../observability/logger.ts';
import { defaultClaimMapping, type ClaimMapping } from '../auth/claims.ts';
import { KeyStore } from '../auth/key-store.ts';
import type Provider from 'oidc-provider';
import { CasDelegation, defaultCasMapping } from '../idp/cas.ts';
import type { EmbeddedProviderOptions } from '../idp/idp-plugin.ts';
import { createProvider } from '../idp/provider.ts';
import { sharedSecret } from '../idp/secrets.ts';
import type { Role } from '../auth/principal.ts';
import { embeddedVerifier, externalVerifier, type TokenVerifier } from '../auth/verifier.ts';
import { createMetrics, type Metrics } from '../observability/metrics.ts';

export const PLATFORM_SCHEMA = 'pegase_platform';

export interface RuntimeOptions {
  config: Config;
  modules: PegaseModule[];
  /** In-memory database loaded with every module's demo data. */
  sandbox?: boolean;
  /** Overrides the database chosen from the configuration (tests). */
  database?: DatabaseLocation;
  version?: string;
  logger?: Logger;
  /** Deliver events in the background (default). Tests turn it off and drain explicitly. */
  deliverEvents?: boolean;
  /** Folder of the built web application to serve at `/` (ignored when it has no index.html). */
  webApp?: URL;
  /** Loads what the application adds to the sandbox (demo accounts, clients). */
  sandboxExtras?: (database: DatabaseHandle) => Promise<void>;
}

export interface Runtime {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** The event transport that PEGASE_EVENTS names (inline, NATS JetStream or Kafka). */
  dispatcher: EventTransport;
  logger: Logger;
  contexts: Map<string, ModuleContext>;
  /** Signing keys of the embedded provider (unused when an external issuer is configured). */
  keys: KeyStore;
  /** The issuer whose tokens the API accepts. */
  issuer: string;
  verifier: TokenVerifier;
  /**
   * The first step of a shutdown: /health/ready answers 503 and answers close
   * their keep-alive connection, while requests are still served. Call it,
   * give the load balancer time to notice, then close().
   */
  stopAcceptingTraffic(): void;
  /** Stops accepting, finishes in-flight requests and deliveries, closes the database. */
  close(): Promise<void>;
}

export function platformMigrationSource(): MigrationSource {
  return { module: PLATFORM_SCHEMA, directory: new URL('../../migrations/', import.meta.url) };
}

export function withKernelModules(modules: PegaseModule[]): PegaseModule[] {
  return [auditModule, ...modules.filter((m) => m !== auditModule)];
}

export function migrationSources(modules: PegaseModule[]): MigrationSource[] {
  return [platformMigrationSource(), ...withKernelModules(modules).map((m) => ({ module: m.name, directory: m.migrations }))];
}

/** The embedded provider lives at `<public URL>/auth`. */
export function embeddedIssuer(config: Config): string {
  return `${config.publicUrl ?? `http://localhost:${config.port}`}/auth`;
}

export function claimMapping(config: Config): ClaimMapping {
  return {
    rolesClaim: config.oidcRolesClaim,
    structuresClaim: config.oidcStructuresClaim,
    learnerClaim: config.oidcLearnerClaim,
    roleMap: config.oidcRoleMap as Record<string, Role>,
  };
}

export function databaseLocation(config: Config, sandbox: boolean): DatabaseLocation {
  if (sandbox) return { kind: 'memory' };
  if (config.databaseUrl !== undefined) return { kind: 'postgres', url: config.databaseUrl, poolMax: config.databasePoolMax };
  return { kind: 'pglite', dataDir: config.dataDir };
}

/** Builds a process that serves the given modules; it does not listen yet. */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config } = options;
  // The kernel's own module (the audit trail) is served with every shape.
  const modules = withKernelModules(options.modules);
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = await openDatabase(options.database ?? databaseLocation(config, options.sandbox === true));
  logger.info({ database: database.description }, 'database opened');
  try {
    const migrations = await loadMigrations(migrationSources(modules));
    if (config.migrateOnStart || options.sandbox === true) {
      const report = await migrate(database, migrations);
      logger.info(
        { applied: report.applied.map((m) => `${m.module}/${m.version}-${m.name}`), alreadyApplied: report.alreadyApplied },
        `migrations: ${report.applied.length} applied, ${report.alreadyApplied} already applied`,
      );
    }

    const keys = new KeyStore(database.db);
    const verifier =
      config.oidcIssuer === undefined
        ? embeddedVerifier(keys, embeddedIssuer(config), config.oidcAudience, defaultClaimMapping)
        : await externalVerifier(config.oidcIssuer, config.oidcAudience, claimMapping(config));

    const dispatcher = createEventTransport(database.db, logger.child({ component: 'events' }), {
      events: config.events,
      namespace: config.eventsNamespace,
      pollMs: config.eventsPollMs,
      concurrency: database.kind === 'postgres' ? config.eventsConcurrency : 1,
      maxAttempts: config.eventsMaxAttempts,
      retryMs: config.eventsRetryMs,
    });
    const contexts = new Map<string, ModuleContext>();
    const metrics = withOutboxGauge(createMetrics(), database.db);
    for (const module of modules) contexts.set(module.name, moduleContext(module, database, dispatcher, logger, config.oidcIssuer === undefined, metrics));
    for (const module of modules) for (const handler of module.handlers?.(contexts.get(module.name)!) ?? []) dispatcher.register(handler);

    if (options.sandbox === true) {
      await options.sandboxExtras?.(database);
      for (const module of modules) {
        await module.sandbox?.(contexts.get(module.name)!);
        // Later modules' demo data may rely on read models kept from earlier modules' events.
        await dispatcher.drain();
      }
      logger.info({ modules: modules.map((m) => m.name) }, 'sandbox data loaded');
    }

    const ready = readiness(database, migrations, () => keys.ensureKey());
    const app = await buildHttpApp({
      logger,
      metrics,
      modules: modules.map((module) => ({ module, context: contexts.get(module.name)! })),
      readiness: ready,
      verifier,
      webApp: options.webApp,
      identityProvider:
        config.oidcIssuer === undefined
          ? { ...embeddedProvider(config, database, keys), loginLinks: modules.flatMap((module) => module.loginLinks ?? []) }
          : undefined,
      // A relative server URL: the document is then right on whatever host serves it.
      publicUrl: config.publicUrl ?? '/',
      version: options.version ?? '0.0.0',
      trustProxy: config.trustProxy,
      bodyLimit: config.bodyLimitBytes,
    });
    await app.ready();
    if ((await pendingMigrations(database, migrations)).length === 0) await keys.ensureKey();
    if (options.deliverEvents !== false) dispatcher.start();

    let closing: Promise<void> | undefined;
    return {
      app,
      database,
      dispatcher,
      logger,
      contexts,
      keys,
      issuer: verifier.issuer,
      verifier,
      stopAcceptingTraffic() {
        ready.stop();
      },
      close() {
        closing ??= (async () => {
          await app.close();
          await dispatcher.stop();
          await database.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** The embedded OpenID provider at `<public URL>/auth`, built at its first request. */
function embeddedProvider(config: Config, database: DatabaseHandle, keys: KeyStore): EmbeddedProviderOptions {
  const issuer = embeddedIssuer(config);
  const base = config.publicUrl ?? `http://localhost:${config.port}`;
  const build = async () =>
    createProvider({
      issuer,
      db: database.db,
      keys,
      accessTokenTtlSeconds: config.tokenTtlSeconds,
      webRedirectUris: config.webRedirectUris ?? [`${base}/`, `${base}/oidc-callback`],
      cookieKey: await sharedSecret(database.db, 'oidc-cookie-key'),
      trustProxy: config.trustProxy,
    });
  // oidc-provider holds its signing keys from construction: after a rotation
  // (by any replica), rebuild it with the new key, checked once a minute.
  let built: { kid: string; provider: Promise<Provider> } | undefined;
  let checkedAt = 0;
  return {
    mountPath: new URL(issuer).pathname,
    db: database.db,
    async provider() {
      if (built !== undefined && Date.now() - checkedAt < 60_000) return built.provider;
      await keys.reload();
      const kid = (await keys.signingKey()).kid;
      checkedAt = Date.now();
      if (built?.kid !== kid) {
        const provider = build();
        built = { kid, provider };
        provider.catch(() => (built = undefined)); // try again at the next request
      }
      return built.provider;
    },
    cas:
      config.casUrl === undefined
        ? undefined
        : new CasDelegation(config.casUrl, issuer, database.db, {
            ...defaultCasMapping,
            rolesAttribute: config.casRolesAttribute,
            roleMap: config.casRoleMap as Record<string, Role>,
            structuresAttribute: config.casStructuresAttribute,
            learnerAttribute: config.casLearnerAttribute,
          }),
  };
}

/**
 * The event handlers of these modules, outside a running process: a one-shot
 * command (`pegase events dead-letters replay`) hands events to them itself.
 * Their context delivers nothing (such a command writes no event of its own).
 */
export function moduleEventHandlers(modules: PegaseModule[], database: DatabaseHandle, logger: Logger, embedded: boolean): EventHandler[] {
  const idle: EventTransport = { register() {}, start() {}, wake() {}, stop: async () => {}, drain: async () => 0 };
  return withKernelModules(modules).flatMap((module) => module.handlers?.(moduleContext(module, database, idle, logger, embedded)) ?? []);
}

/** Files live in the database until an object-storage FileStore is configured. */
const fileStore = new DatabaseFileStore();

/** The events each open transaction of a module context announced, counted once it commits. */
const announcedIn = new WeakMap<object, Map<string, number>>();

function announce(tx: object, type: string, count: number): void {
  const announced = announcedIn.get(tx);
  if (announced !== undefined) announced.set(type, (announced.get(type) ?? 0) + count);
}

function moduleContext(
  module: PegaseModule,
  database: DatabaseHandle,
  dispatcher: EventTransport,
  logger: Logger,
  embedded: boolean,
  metrics?: Metrics,
): ModuleContext {
  return {
    module: module.name,
    db: database.db,
    logger: logger.child({ module: module.name }),
    files: fileStore,
    accounts: {
      embedded,
      create: (tx, input) => {
        if (!embedded) throw new Error('Local accounts are not created when an external provider issues the tokens.');
        return createLocalAccount(tx, input);
      },
      ofLearner: (tx, learnerCode) => accountsOfLearner(tx, learnerCode),
    },
    async transaction(work) {
      const announced = new Map<string, number>();
      const result = await database.db.transaction((tx) => {
        announcedIn.set(tx, announced);
        return work(tx);
      });
      dispatcher.wake();
      for (const [type, count] of announced) metrics?.eventsCommitted.inc({ type }, count);
      return result;
    },
    async publish(tx, definition, data, change) {
      // The event and its audit entry in one statement: one round trip for every change announced.
      const id = randomUUID();
      const event = outboxInsert(id, module.name, definition, data, { subject: change.subject, requestId: change.origin.requestId });
      const audit = auditInsert(module.name, [auditRecordOf(definition.type, change.subject, asRecord(change.before), asRecord(data)!)], change.origin);
      await tx.execute(sql`with event as (${event}) ${audit}`);
      announce(tx, definition.type, 1);
      return id;
    },
    async publishMany(tx, definition, items, origin) {
      const ids = await writeManyToOutbox(tx, module.name, definition, items, { requestId: origin.requestId });
      await writeAudit(
        tx,
        module.name,
        items.map((item) => auditRecordOf(definition.type, item.subject, asRecord(item.before), asRecord(item.data)!)),
        origin,
      );
      announce(tx, definition.type, items.length);
      return ids;
    },
  };
}

function readiness(database: DatabaseHandle, migrations: Migration[], whenMigrated: () => Promise<void>) {
  let migrated = false;
  let stopping = false;
  return {
    stop() {
      stopping = true;
    },
    stopping: () => stopping,
    async check() {
      if (stopping) throw new Error('Shutting down: this replica finishes its requests and takes no new ones.');
      try {
        await database.ping();
      } catch (error) {
        throw new Error(`The database is unreachable: ${(error as Error).message}`, { cause: error });
      }
      if (migrated) return;
      const pending = await pendingMigrations(database, migrations);
      if (pending.length > 0) {
        throw new Error(
          `${pending.length} migration(s) not applied yet, e.g. ${pending[0]!.module}/${pending[0]!.version}-${pending[0]!.name}; run \`pegase migrate\`.`,
        );
      }
      // Applied migrations are never removed, so this is checked until true only.
      await whenMigrated();
      migrated = true;
    },
  };
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value === null || value === undefined ? null : (value as Record<string, unknown>);
}
