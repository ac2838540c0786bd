import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/env.ts';
import { openDatabase, type DatabaseHandle, type DatabaseLocation } from '../db/database.ts';
import { loadMigrations, migrate, pendingMigrations, type Migration, type MigrationSource } from '../db/migrations.ts';
import { InlineDispatcher } from '../events/dispatcher.ts';
import { writeManyToOutbox, writeToOutbox } from '../events/outbox.ts';
import { buildHttpApp } from '../http/app.ts';
import type { ModuleContext, PegaseModule } from '../module/module.ts';
import { createLogger, type Logger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';

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
}

export interface Runtime {
  app: FastifyInstance;
  database: DatabaseHandle;
  dispatcher: InlineDispatcher;
  logger: Logger;
  contexts: Map<string, ModuleContext>;
  /** Stops accepting, finishes in-flight requests and deliveries, closes the database. */
  close(): Promise<void>;
}

export function platformMigrationSource(): MigrationSource {
  return { module: PLATFORM_SCHEMA, directory: new URL('../../migrations/', import.meta.url) };
}

export function migrationSources(modules: PegaseModule[]): MigrationSource[] {
  return [platformMigrationSource(), ...modules.map((m) => ({ module: m.name, directory: m.migrations }))];
}

export function databaseLocation(config: Config, sandbox: boolean): DatabaseLocation {
  if (sandbox) return { kind: 'memory' };
  if (config.databaseUrl !== undefined) return { kind: 'postgres', url: config.databaseUrl, poolMax: config.databasePoolMax };
  return { kind: 'pglite', dataDir: config.dataDir };
}

/** Builds a process that serves the given modules; it does not listen yet. */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, modules } = options;
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

    const dispatcher = new InlineDispatcher(database.db, logger.child({ component: 'events' }), { pollMs: config.eventsPollMs });
    const contexts = new Map<string, ModuleContext>();
    for (const module of modules) contexts.set(module.name, moduleContext(module, database, dispatcher, logger));
    for (const module of modules) for (const handler of module.handlers?.(contexts.get(module.name)!) ?? []) dispatcher.register(handler);

    if (options.sandbox === true) {
      for (const module of modules) await module.sandbox?.(contexts.get(module.name)!);
      logger.info({ modules: modules.map((m) => m.name) }, 'sandbox data loaded');
    }

    const app = await buildHttpApp({
      logger,
      metrics: createMetrics(),
      modules: modules.map((module) => ({ module, context: contexts.get(module.name)! })),
      readiness: readiness(database, migrations),
      // A relative server URL: the document is then right on whatever host serves it.
      publicUrl: config.publicUrl ?? '/',
      version: options.version ?? '0.0.0',
      trustProxy: config.trustProxy,
      bodyLimit: config.bodyLimitBytes,
    });
    await app.ready();
    if (options.deliverEvents !== false) dispatcher.start();

    let closing: Promise<void> | undefined;
    return {
      app,
      database,
      dispatcher,
      logger,
      contexts,
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

function moduleContext(module: PegaseModule, database: DatabaseHandle, dispatcher: InlineDispatcher, logger: Logger): ModuleContext {
  return {
    module: module.name,
    db: database.db,
    logger: logger.child({ module: module.name }),
    async transaction(work) {
      const result = await database.db.transaction(work);
      dispatcher.wake();
      return result;
    },
    publish(tx, definition, data, options) {
      return writeToOutbox(tx, module.name, definition, data, options);
    },
    publishMany(tx, definition, items, options) {
      return writeManyToOutbox(tx, module.name, definition, items, options);
    },
  };
}

function readiness(database: DatabaseHandle, migrations: Migration[]) {
  let migrated = false;
  return {
    async check() {
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
      migrated = true;
    },
  };
}
