import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { preconditionFailed, validationProblem } from '../errors/problem.ts';

/**
 * Optimistic concurrency for every versioned record: a read answers
 * `ETag: "<version>"`; a change may send it back as `If-Match` and is refused
 * with 412 when someone changed the record meanwhile, instead of silently
 * overwriting their change.
 */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'ETag of the version you edited; 412 if it changed since.' })),
});

export function etag(version: number): string {
  return `"${version}"`;
}

export function expectedVersion(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const match = /^(?:W\/)?"(\d+)"$/.exec(ifMatch.trim());
  if (!match)
    throw validationProblem('If-Match must be the ETag returned by a GET, e.g. "3".', [
      { in: 'headers', field: '/if-match', message: 'must be an ETag such as "3"' },
    ]);
  return Number(match[1]);
}

export function checkVersion(what: string, current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) {
    throw preconditionFailed(`${what} was changed by someone else (version ${current}, you sent ${expected}). Reload it and apply your change again.`);
  }
}

/** Answers a versioned record with its ETag. */
export function sendVersioned<T extends { version: number }>(reply: FastifyReply, record: T, status = 200): FastifyReply {
  return reply.status(status).header('etag', etag(record.version)).send(record);
}

/** Answers 201 with the new record, its ETag and its Location (the collection path + key). */
export function sendCreated<T extends { version: number }>(request: FastifyRequest, reply: FastifyReply, record: T, key: string): FastifyReply {
  return sendVersioned(reply.header('location', `${request.url.split('?')[0]}/${encodeURIComponent(key)}`), record, 201);
}
