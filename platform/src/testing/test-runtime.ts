import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../config/env.ts';
import type { PegaseModule } from '../module/module.ts';
import { createLogger } from '../observability/logger.ts';
import { createRuntime, type Runtime } from '../runtime/runtime.ts';
import { createTestDatabase } from './test-database.ts';

export interface TestRuntime extends Runtime {
  /** Delivers every pending event before the test looks at its effects. */
  drainEvents(): Promise<number>;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/**
 * A whole Pégase process for a test: real database (PGlite, or PostgreSQL in
 * the integration run), migrations, routes over HTTP injection, inline events.
 */
export async function createTestRuntime(
  modules: PegaseModule[],
  options: { sandbox?: boolean; env?: Record<string, string>; deliverEvents?: boolean } = {},
): Promise<TestRuntime> {
  const database = await createTestDatabase();
  const config: Config = loadConfig({ LOG_LEVEL: 'silent', PEGASE_EVENTS_POLL_MS: '60000', ...options.env });
  const runtime = await createRuntime({
    config,
    modules,
    sandbox: options.sandbox === true,
    database: database.location,
    logger: createLogger('silent'),
    version: 'test',
    // Tests drain events explicitly, so that what they count is deterministic.
    deliverEvents: options.deliverEvents === true,
  });
  return {
    ...runtime,
    async close() {
      await runtime.close();
      await database.drop();
    },
    drainEvents: () => runtime.dispatcher.drain(),
    request: (method, url, body, headers) =>
      runtime.app.inject({
        method: method as 'GET',
        url,
        headers: { ...(body === undefined || typeof body === 'string' ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
  };
}
