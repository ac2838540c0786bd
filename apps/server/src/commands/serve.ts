import { UsageError } from '../errors.ts';
import type { Command } from './command.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the API (all modules, or those named by --modules).',
  usage: `pegase serve [--modules a,b] [--sandbox] [--port N]

Serves the Pégase API over HTTP until SIGTERM or SIGINT, then drains in-flight
requests and exits 0. On SIGTERM /health/ready answers 503 at once and requests
are still served for PEGASE_SHUTDOWN_DELAY_MS, so that a load balancer takes
the replica out before it refuses connections.

Options:
  --modules a,b   serve only these modules (default: all)
  --sandbox       in-memory database loaded with demo data (nothing is kept)
  --port N        HTTP port (default: PORT, else 8080)

Without --sandbox, the database is DATABASE_URL (PostgreSQL) or, when unset,
the embedded PostgreSQL in PEGASE_DATA_DIR. Pending migrations are applied at
start unless PEGASE_MIGRATE_ON_START=false.`,
  options: { modules: { type: 'string' }, sandbox: { type: 'boolean' }, port: { type: 'string' } },
  async run(values) {
    // Loaded here so that `--help` answers without loading the whole server.
    const { closeOnSignals, createRuntime, loadConfig } = await import('@pegase/platform');
    const { selectModules } = await import('../modules.ts');
    const { version } = await import('../version.ts');
    const env = { ...process.env, ...(values['port'] === undefined ? {} : { PORT: String(values['port']) }) };
    const config = loadConfig(env);
    const modules = selectModules(values['modules'] as string | undefined);
    const { allModules } = await import('../modules.ts');
    if (modules.length < allModules.length && config.events === 'inline' && config.databaseUrl !== undefined) {
      // Inline delivery hands an event to the modules of the process that claims it and marks it delivered:
      // the modules served by the other processes would never get it.
      throw new UsageError(
        'serving some modules (--modules) on a shared PostgreSQL needs a broker: set PEGASE_EVENTS to nats://… or kafka://… (with inline, events would reach only the modules of the process that takes them)',
      );
    }
    const sandbox = values['sandbox'] === true;
    const { loadSandboxIdentities, sandboxBanner } = await import('../sandbox-identities.ts');
    // The web application, when it was built (npm run build:web): served at /.
    const webApp = new URL('../../../web/dist/', import.meta.url);
    const runtime = await createRuntime({ config, modules, sandbox, version, sandboxExtras: loadSandboxIdentities, webApp });
    closeOnSignals(runtime, runtime.logger, { timeoutMs: config.shutdownTimeoutMs, delayMs: config.shutdownDelayMs });
    const address = await runtime.app.listen({ port: config.port, host: config.host });
    runtime.logger.info({ address, modules: modules.map((m) => m.name), sandbox }, 'ready');
    if (sandbox) process.stderr.write(sandboxBanner(config.publicUrl ?? `http://localhost:${config.port}`));
    return undefined;
  },
};
