import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Paths that belong to the API and the operators, never to the web application. */
const NOT_THE_APP = /^\/(api|auth|health|metrics)(\/|$)/;

/**
 * Serves the built single-page application at `/`: its files, and its
 * index.html for any other page address (client-side routing), so that a
 * bookmark or a reload of `/structures/42` opens the application there.
 */
export async function installWebApp(
  app: FastifyInstance,
  directory: URL,
): Promise<((request: FastifyRequest, reply: FastifyReply) => FastifyReply) | undefined> {
  const root = fileURLToPath(directory);
  if (!existsSync(`${root}/index.html`)) return undefined;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // Hashed assets never change; index.html must always be fresh.
    setHeaders: (res, path) => res.header('cache-control', /\/assets\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  return (request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html');
}

/** Should an unknown address get the application (a page) rather than a 404 problem? */
export function isApplicationPage(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0]!;
  return request.method === 'GET' && !NOT_THE_APP.test(path) && (request.headers.accept ?? '').includes('text/html');
}
