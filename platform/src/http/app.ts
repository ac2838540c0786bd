import { existsSync } from 'node:fs';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { installWebApp } from './web-app.ts';
import { Type } from 'typebox';
import type { Metrics } from '../observability/metrics.ts';
import type { Logger } from '../observability/logger.ts';
import type { ModuleApp, ModuleContext, PegaseModule } from '../module/module.ts';
import { installErrorHandling } from './error-handler.ts';
import { installOpenApi, moduleDocument, type OpenApiDocument } from './openapi.ts';
import { requestIdOf } from './request-id.ts';
import { validatorCompiler } from './validation.ts';
import { Problem } from '../errors/problem.ts';
import { accessHook } from '../auth/access.ts';
import type { TokenVerifier } from '../auth/verifier.ts';
import { embeddedProviderPlugin, type EmbeddedProviderOptions } from '../idp/idp-plugin.ts';

export interface Readiness {
  /** Resolves when the process can serve; rejects with the reason otherwise. */
  check(): Promise<void>;
  /** True once the process is shutting down (it still answers, but wants no more traffic). */
  stopping?: () => boolean;
}

export interface HttpAppOptions {
  logger: Logger;
  metrics: Metrics;
  modules: { module: PegaseModule; context: ModuleContext }[];
  readiness: Readiness;
  verifier: TokenVerifier;
  /** The built web application served at `/`, when there is one. */
  webApp?: URL | undefined;
  /** The embedded OpenID provider, when no external one is configured. */
  identityProvider?: EmbeddedProviderOptions | undefined;
  publicUrl: string;
  version: string;
  trustProxy: boolean;
  bodyLimit: number;
}

const Health = Type.Object({ status: Type.String() });

export async function buildHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger,
    genReqId: requestIdOf,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    trustProxy: options.trustProxy,
    bodyLimit: options.bodyLimit,
    // Answer everything in flight on SIGTERM, but drop idle keep-alive sockets.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
  }) as unknown as FastifyInstance; // pino's Logger is a FastifyBaseLogger with extras
  app.setValidatorCompiler(validatorCompiler);
  const applicationPage = options.webApp === undefined ? undefined : await installWebApp(app, options.webApp);
  installErrorHandling(app, applicationPage);

  // While draining (and from SIGTERM on, while the load balancer takes the
  // process out), answers close their keep-alive connection: the client's
  // next request opens a new connection, which the balancer sends elsewhere,
  // and the server can finish closing once the requests in flight are answered.
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Defaults a browser should apply to every answer of an API.
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    if (draining || options.readiness.stopping?.() === true) reply.header('connection', 'close');
  });
  app.addHook('onResponse', async (request, reply) => {
    options.metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  await installOpenApi(
    app,
    options.modules.map((m) => m.module),
    options.publicUrl,
    options.version,
  );

  registerOperationsRoutes(app, options);
  if (options.identityProvider !== undefined) await app.register(embeddedProviderPlugin, options.identityProvider);

  for (const { module, context } of options.modules) {
    await app.register(
      async (scope) => {
        scope.addHook('onRoute', (route) => requireDeclarations(module, route));
        scope.decorateRequest('principal', null);
        scope.addHook('onRequest', accessHook(module, options.verifier));
        await module.routes(scope as unknown as ModuleApp, context);
        scope.get('/openapi.json', { schema: { hide: true }, config: { access: { public: true } } }, async () =>
          moduleDocument(app.swagger() as unknown as OpenApiDocument, module),
        );
      },
      { prefix: `/api/${module.name}/v1` },
    );
  }
  return app;
}

/** A route that does not say who may call it, or what it does, does not start. */
function requireDeclarations(module: PegaseModule, route: { method: string | string[]; url: string; config?: unknown; schema?: unknown }): void {
  if (route.method === 'HEAD') return;
  const config = route.config as { access?: { permission?: string; public?: boolean } } | undefined;
  const schema = route.schema as { hide?: boolean; summary?: string; operationId?: string } | undefined;
  const where = `${String(route.method)} ${route.url}`;
  const access = config?.access;
  if (access === undefined) throw new Error(`Route ${where} of module ${module.name} declares no access rule (config.access)`);
  if (access.permission !== undefined && !module.permissions.some((p) => p.name === access.permission)) {
    throw new Error(`Route ${where} uses permission ${access.permission}, which module ${module.name} does not declare`);
  }
  if (schema?.hide !== true && (schema?.summary === undefined || schema.operationId === undefined)) {
    throw new Error(`Route ${where} of module ${module.name} needs schema.summary and schema.operationId for the API document`);
  }
}

function registerOperationsRoutes(app: FastifyInstance, options: HttpAppOptions): void {
  const publicAccess = { access: { public: true as const } };
  app.get(
    '/health/live',
    { config: publicAccess, schema: { summary: 'Liveness probe: the process answers.', operationId: 'healthLive', response: { 200: Health } } },
    async () => ({ status: 'live' }),
  );
  app.get(
    '/health/ready',
    {
      config: publicAccess,
      schema: { summary: 'Readiness probe: database reachable and migrations applied.', operationId: 'healthReady', response: { 200: Health } },
    },
    async () => {
      try {
        await options.readiness.check();
      } catch (error) {
        throw new Problem(503, 'not-ready', 'Not ready', (error as Error).message);
      }
      return { status: 'ready' };
    },
  );
  app.get(
    '/metrics',
    {
      config: publicAccess,
      schema: {
        summary: 'Prometheus metrics of this process.',
        operationId: 'metrics',
        response: { 200: { description: 'Prometheus text exposition format.', content: { 'text/plain': { schema: Type.String() } } } },
      },
    },
    async (_request, reply) => {
      reply.type(options.metrics.registry.contentType);
      return options.metrics.registry.metrics();
    },
  );
  app.get('/api/openapi.json', { config: publicAccess, schema: { hide: true } }, async () => app.swagger());
  // Without a built web application, the address of the site opens the API reader.
  if (options.webApp === undefined || !existsSync(new URL('index.html', options.webApp))) {
    app.get('/', { config: publicAccess, schema: { hide: true } }, async (_request, reply) => reply.redirect('/api/docs'));
  }
}
