import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../config/env.ts';
import type { PegaseModule } from '../module/module.ts';
import { createLogger, type Logger } from '../observability/logger.ts';
import { createRuntime, type Runtime } from '../runtime/runtime.ts';
import { createTestDatabase } from './test-database.ts';
import { issueAccessToken, type TokenClaims } from '../auth/token-issuer.ts';

export interface TestRuntime extends Runtime {
  /** Delivers every pending event before the test looks at its effects. */
  drainEvents(): Promise<number>;
  /** An access token of the embedded provider for these claims. */
  tokenFor(claims: TokenClaims): Promise<string>;
  /**
   * Calls the API over HTTP injection. The caller is an admin unless `as`
   * names other claims, or null for an anonymous call. An object body is sent
   * as JSON; a string or a Buffer as it is (with the caller's content type).
   */
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>, as?: TokenClaims | null): Promise<LightMyRequestResponse>;
}

export const testAdmin: TokenClaims = { subject: 'test-admin', login: 'test-admin', roles: ['admin'] };

/**
 * A whole Pégase process for a test: real database (PGlite, or PostgreSQL in
 * the integration run), migrations, routes over HTTP injection, inline events.
 */
export async function createTestRuntime(
  modules: PegaseModule[],
  options: { sandbox?: boolean; env?: Record<string, string>; deliverEvents?: boolean; logger?: Logger } = {},
): Promise<TestRuntime> {
  const database = await createTestDatabase();
  const config: Config = loadConfig({ LOG_LEVEL: 'silent', PEGASE_EVENTS_POLL_MS: '60000', ...options.env });
  const runtime = await createRuntime({
    config,
    modules,
    sandbox: options.sandbox === true,
    database: database.location,
    // A benchmark may read what the modules log (figures); tests keep quiet.
    logger: options.logger ?? createLogger('silent'),
    version: 'test',
    // Tests drain events explicitly, so that what they count is deterministic.
    deliverEvents: options.deliverEvents === true,
  });
  const tokens = new Map<string, string>();
  async function tokenFor(claims: TokenClaims): Promise<string> {
    const key = JSON.stringify(claims);
    let token = tokens.get(key);
    if (token === undefined) {
      token = await issueAccessToken(runtime.keys, runtime.issuer, claims, 3600);
      tokens.set(key, token);
    }
    return token;
  }
  return {
    ...runtime,
    async close() {
      await runtime.close();
      await database.drop();
    },
    drainEvents: () => runtime.dispatcher.drain(),
    tokenFor,
    request: async (method, url, body, headers, as = testAdmin) =>
      runtime.app.inject({
        method: method as 'GET',
        url,
        headers: {
          ...(body === undefined || typeof body === 'string' || Buffer.isBuffer(body) ? {} : { 'content-type': 'application/json' }),
          ...(as === null ? {} : { authorization: `Bearer ${await tokenFor(as)}` }),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) }),
      }),
  };
}
