import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Access, PegaseModule } from '../module/module.ts';
import { ProblemSchema } from './problem-schema.ts';

export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, unknown>;
  tags?: { name: string; description?: string }[];
  [key: string]: unknown;
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * The OpenAPI 3.1 document is generated from the route schemas, never written
 * by hand. Each route's access rule becomes its `security` and the
 * `x-pegase-access` extension; every operation documents its problem responses.
 */
export async function installOpenApi(app: FastifyInstance, modules: PegaseModule[], publicUrl: string, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pégase API',
        version,
        description: 'Student information system: every function of Pégase is available through this API. Errors are RFC 9457 problem details.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: publicUrl }],
      tags: [
        { name: 'operations', description: 'Health probes and metrics for the operators.' },
        ...modules.map((m) => ({ name: m.name, description: `${m.title}. ${m.description}` })),
      ],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An OpenID Connect access token.' } },
        schemas: { Problem: ProblemSchema as unknown as Record<string, unknown> },
      },
    },
    transform: ({ schema, url, route }) => {
      const access = (route.config as { access?: Access } | undefined)?.access;
      const documented: Record<string, unknown> = { ...(schema as Record<string, unknown> | undefined) };
      const moduleName = /^\/api\/([a-z]+)\/v1\//.exec(url)?.[1];
      documented['tags'] ??= [moduleName ?? 'operations'];
      const isPublic = access === undefined || 'public' in access;
      documented['security'] = isPublic ? [] : [{ bearer: [] }];
      if (access !== undefined) documented['x-pegase-access'] = 'public' in access ? 'public' : access.permission;
      documented['response'] = {
        ...(documented['response'] as Record<string, unknown> | undefined),
        '4XX': errorResponse('The request was refused; the problem says why and which fields.'),
        '5XX': errorResponse('The server failed or is unavailable; nothing was changed.'),
      };
      return { schema: documented as never, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: true, docExpansion: 'list' } });
}

/** The part of the merged document that belongs to one module. */
export function moduleDocument(whole: OpenApiDocument, module: PegaseModule): OpenApiDocument {
  const prefix = `/api/${module.name}/v1/`;
  const paths = Object.fromEntries(Object.entries(whole.paths).filter(([path]) => path.startsWith(prefix)));
  return {
    ...whole,
    info: { ...whole.info, title: `Pégase API — ${module.title}` },
    tags: (whole.tags ?? []).filter((tag) => tag.name === module.name),
    paths,
  };
}
